// A wrong password at sign-in or password change: cognito-local 5.3.0 answers InvalidPasswordException (Cognito's
// password-policy error); Cognito answers NotAuthorizedException "Incorrect username or password." (API reference,
// InitiateAuth / ChangePassword errors: NotAuthorizedException).
'use strict';
exports.apply = (env) => {
  const { NotAuthorizedError } = env.errors;
  for (const action of ['InitiateAuth', 'AdminInitiateAuth', 'ChangePassword']) {
    env.wrapTarget(action, (original) => (services) => {
      const target = original(services);
      return async (ctx, req) => {
        try {
          return await target(ctx, req);
        } catch (err) {
          if (err && err.code === 'InvalidPasswordException') {
            throw new NotAuthorizedError('Incorrect username or password.');
          }
          throw err;
        }
      };
    });
  }
};
