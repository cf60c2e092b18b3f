// Pre token generation V2_0/V3_0 responses change both tokens. cognito-local 5.3.0 reads only the V1 response
// (`claimsOverrideDetails`, ID token). Cognito developer guide, "Pre token generation Lambda trigger": a V2_0/V3_0
// function answers `claimsAndScopeOverrideDetails` with `idTokenGeneration` (claimsToAddOrOverride, claimsToSuppress),
// `accessTokenGeneration` (the same plus scopesToAdd, scopesToSuppress) and `groupOverrideDetails`.
//
// The ID token part and the groups are handed to cognito-local's own V1 path; the access token part is applied to the
// access token's payload just before cognito-local signs it (claims added or overridden except the reserved ones,
// suppressed claims removed, scopes added to or removed from the space-separated `scope` claim).
'use strict';

// Claims Cognito never lets the trigger change (developer guide, pre token generation: reserved claims).
const RESERVED = new Set(['acr', 'amr', 'aud', 'auth_time', 'azp', 'client_id', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf',
  'nonce', 'origin_jti', 'sub', 'token_use', 'username', 'cognito:username', 'event_id', 'scope', 'at_hash', 'device_key']);

exports.applyAccessTokenGeneration = (payload, generation) => {
  if (!generation) return payload;
  const out = { ...payload };
  for (const [claim, value] of Object.entries(generation.claimsToAddOrOverride ?? {})) {
    if (!RESERVED.has(claim)) out[claim] = value;
  }
  for (const claim of generation.claimsToSuppress ?? []) {
    if (!RESERVED.has(claim)) delete out[claim];
  }
  const scopes = new Set(String(out.scope ?? '').split(' ').filter(Boolean));
  for (const s of generation.scopesToAdd ?? []) scopes.add(s);
  for (const s of generation.scopesToSuppress ?? []) scopes.delete(s);
  out.scope = [...scopes].join(' ');
  return out;
};

exports.apply = (env) => {
  const jwt = env.require('jsonwebtoken');
  const { JwtTokenGenerator } = env.lib('services/tokenGenerator');
  const sign = jwt.sign;
  let pendingAccess = null;
  jwt.sign = function signWithAccessOverrides(payload, ...rest) {
    if (pendingAccess && payload && payload.token_use === 'access') {
      const generation = pendingAccess;
      pendingAccess = null;
      return sign.call(this, exports.applyAccessTokenGeneration(payload, generation), ...rest);
    }
    return sign.call(this, payload, ...rest);
  };

  const generate = JwtTokenGenerator.prototype.generate;
  JwtTokenGenerator.prototype.generate = function generateWithV2(...args) {
    const triggers = this.triggers;
    const proxy = Object.create(triggers);
    proxy.enabled = (name) => triggers.enabled(name);
    proxy.preTokenGeneration = async (ctx, req) => {
      const result = await triggers.preTokenGeneration(ctx, req);
      const details = result && result.claimsAndScopeOverrideDetails;
      if (!details) return result;
      pendingAccess = details.accessTokenGeneration ?? null;
      return {
        ...result,
        claimsOverrideDetails: { ...(details.idTokenGeneration ?? {}), groupOverrideDetails: details.groupOverrideDetails },
      };
    };
    const self = Object.create(this);
    self.triggers = proxy;
    return generate.apply(self, args);
  };
};
