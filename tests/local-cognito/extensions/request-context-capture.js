// Test seam (not a Cognito behaviour): with LOCAL_COGNITO_CONTEXT_LOG=<file>, every request that carries end-user
// context appends one JSON line { target, UserContextData, ContextData, AnalyticsMetadata, ClientMetadata } to that
// file, so a test can see what reached "Cognito". The members are the API reference's request members, e.g.
// InitiateAuth: "UserContextData — Contextual data about your user session, such as the device fingerprint, IP
// address, or location. Amazon Cognito advanced security evaluates the risk of an authentication event based on the
// context that your app generates and passes to Amazon Cognito when it makes API requests."
// Nothing else of the request (passwords, codes, tokens) is written. Off unless the variable is set.
'use strict';
const fs = require('fs');

const MEMBERS = ['UserContextData', 'ContextData', 'AnalyticsMetadata', 'ClientMetadata'];

exports.apply = (env) => {
  const file = process.env.LOCAL_COGNITO_CONTEXT_LOG;
  if (!file) return;
  env.guard(
    (target, req) => MEMBERS.some((m) => req[m] !== undefined),
    async (services, ctx, req, target) => {
      const line = { target };
      for (const m of MEMBERS) if (req[m] !== undefined) line[m] = req[m];
      fs.appendFileSync(file, JSON.stringify(line) + '\n');
    });
};
