// extensions/pre-token-generation-v2.js and trigger-event-version.js: a V2 event carries version "2" and the scopes,
// and the V2 response changes the ID token and the access token (claims, suppressed claims, scopes), as the pre token
// generation page documents. Drives cognito-local's own token generator with a Lambda client stand-in.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { cognitoLocalDir, createEnv, applyExtensions } = require('../start');

test('V2 pre token generation changes both tokens', async () => {
  process.env.LOCAL_COGNITO_PRE_TOKEN_VERSION = '2';
  const env = createEnv(cognitoLocalDir());
  applyExtensions(env);
  const jwt = env.require('jsonwebtoken');
  const { LambdaService } = env.lib('services/lambda');
  const { TriggersService } = env.lib('services/triggers/triggers');
  const { JwtTokenGenerator } = env.lib('services/tokenGenerator');
  const events = [];
  const lambdaClient = {
    invoke: (params) => ({
      promise: async () => {
        const event = JSON.parse(params.Payload);
        events.push(event);
        event.response = {
          claimsAndScopeOverrideDetails: {
            idTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' }, claimsToSuppress: ['email_verified'] },
            accessTokenGeneration: {
              claimsToAddOrOverride: { tenant: 'acme', roles: ['reader'], sub: 'forged' },
              claimsToSuppress: [],
              scopesToAdd: ['orders/read'],
              scopesToSuppress: ['aws.cognito.signin.user.admin'],
            },
          },
        };
        return { StatusCode: 200, Payload: JSON.stringify(event) };
      },
    }),
  };
  const clock = { get: () => new Date() };
  const lambda = new LambdaService({ PreTokenGeneration: 'pre-token' }, lambdaClient);
  const triggers = new TriggersService(clock, {}, lambda, {});
  const generator = new JwtTokenGenerator(clock, triggers, { IssuerDomain: 'http://127.0.0.1:1' });
  const user = { Username: 'jane', Attributes: [{ Name: 'sub', Value: 'sub-1' }, { Name: 'email', Value: 'jane@example.com' }] };

  const tokens = await generator.generate({ logger: { debug() {}, info() {}, error() {} } }, user, [], { ClientId: 'client', UserPoolId: 'eu-west-1_Pool' }, {}, 'Authentication');

  delete process.env.LOCAL_COGNITO_PRE_TOKEN_VERSION;
  assert.strictEqual(events[0].version, '2');
  assert.deepStrictEqual(events[0].request.scopes, ['aws.cognito.signin.user.admin']);
  const access = jwt.decode(tokens.AccessToken);
  const id = jwt.decode(tokens.IdToken);
  assert.strictEqual(access.tenant, 'acme');
  assert.deepStrictEqual(access.roles, ['reader']);
  assert.strictEqual(access.sub, 'sub-1');
  assert.strictEqual(access.scope, 'orders/read');
  assert.strictEqual(id.tier, 'gold');
  assert.strictEqual(id.email_verified, undefined);
});
