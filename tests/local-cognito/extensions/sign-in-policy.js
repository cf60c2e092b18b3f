// The pool's SignInPolicy through CreateUserPool and UpdateUserPool (API reference, SignInPolicyType
// .AllowedFirstAuthFactors: "The sign-in methods that a user pool supports as the first factor"; the model's
// AllowedFirstAuthFactorsListType holds 1 to 4 AuthFactorType values: PASSWORD | EMAIL_OTP | SMS_OTP | WEB_AUTHN).
// cognito-local already stores and returns Policies whole; this refuses what the model refuses
// (InvalidParameterException).
'use strict';
const FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

exports.apply = (env) => {
  for (const action of ['CreateUserPool', 'UpdateUserPool']) {
    env.wrapTarget(action, (original) => (services) => {
      const inner = original(services);
      return async (ctx, req) => {
        const list = req.Policies && req.Policies.SignInPolicy && req.Policies.SignInPolicy.AllowedFirstAuthFactors;
        if (list !== undefined && (!Array.isArray(list) || list.length < 1 || list.length > 4 || list.some((f) => !FACTORS.includes(f)))) {
          throw new env.errors.InvalidParameterError(`AllowedFirstAuthFactors must hold 1 to 4 of ${FACTORS.join(', ')}.`);
        }
        return inner(ctx, req);
      };
    });
  }
};
