// The pool's passkey settings through SetUserPoolMfaConfig / GetUserPoolMfaConfig (API reference: both carry
// WebAuthnConfiguration { RelyingPartyId, UserVerification: required | preferred, FactorConfiguration: SINGLE_FACTOR |
// MULTI_FACTOR_WITH_USER_VERIFICATION }). cognito-local 5.3.0 drops it; it is kept on the pool options here and
// returned by both actions. Passkey sign-in itself is allowed by SignInPolicy.AllowedFirstAuthFactors WEB_AUTHN.
'use strict';
const webauthn = require('../lib/webauthn');

exports.apply = (env) => {
  const { InvalidParameterError } = env.errors;
  env.wrapTarget('SetUserPoolMfaConfig', (original) => (services) => {
    const inner = original(services);
    return async (ctx, req) => {
      const given = req.WebAuthnConfiguration;
      if (given) {
        if (given.UserVerification !== undefined && !['required', 'preferred'].includes(given.UserVerification)) {
          throw new InvalidParameterError("UserVerification must be 'required' or 'preferred'.");
        }
        if (given.FactorConfiguration !== undefined && !['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION'].includes(given.FactorConfiguration)) {
          throw new InvalidParameterError("FactorConfiguration must be 'SINGLE_FACTOR' or 'MULTI_FACTOR_WITH_USER_VERIFICATION'.");
        }
        if (given.RelyingPartyId !== undefined && (typeof given.RelyingPartyId !== 'string' || given.RelyingPartyId.length < 1 || given.RelyingPartyId.length > 127)) {
          throw new InvalidParameterError('RelyingPartyId must be 1 to 127 characters.');
        }
      }
      const out = await inner(ctx, req);
      const userPool = await services.cognito.getUserPool(ctx, req.UserPoolId);
      if (given) await userPool.updateOptions(ctx, { ...userPool.options, WebAuthnConfiguration: { ...given } });
      return { ...out, WebAuthnConfiguration: webauthn.configuration(userPool) };
    };
  });
  env.wrapTarget('GetUserPoolMfaConfig', (original) => (services) => {
    const inner = original(services);
    return async (ctx, req) => {
      const out = await inner(ctx, req);
      const userPool = await services.cognito.getUserPool(ctx, req.UserPoolId);
      return { ...out, WebAuthnConfiguration: webauthn.configuration(userPool) };
    };
  });
};
