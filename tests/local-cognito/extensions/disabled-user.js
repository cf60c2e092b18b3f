// A disabled user cannot sign in. cognito-local 5.3.0 stores Enabled=false on AdminDisableUser but still signs the
// user in. Cognito API reference, AdminDisableUser: "Deactivates a user profile and revokes all access tokens for the
// user. A deactivated user can't sign in". Cognito answers NotAuthorizedException "User is disabled.".
//
// Check name: disabled-user. It refuses InitiateAuth / AdminInitiateAuth / RespondToAuthChallenge /
// AdminRespondToAuthChallenge for a disabled user (found by USERNAME or by refresh token), refuses to issue tokens to
// a disabled user on any other path (a backstop for flows other extensions add), and makes AdminDisableUser revoke
// the user's access tokens (see global-sign-out.js).
'use strict';

const CHECK = 'disabled-user';
const SIGN_IN = new Set(['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge']);

exports.apply = (env) => {
  const { NotAuthorizedError } = env.errors;
  const { JwtTokenGenerator } = env.lib('services/tokenGenerator');
  const { revokeTokens } = require('./global-sign-out');
  const disabled = () => new NotAuthorizedError('User is disabled.');

  async function signingInUser(services, ctx, req) {
    let userPool;
    try {
      userPool = req.UserPoolId
        ? await services.cognito.getUserPool(ctx, req.UserPoolId)
        : await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
    } catch {
      return null; // an unknown pool or client: the action itself answers that
    }
    const username = req.AuthParameters?.USERNAME ?? req.ChallengeResponses?.USERNAME;
    if (username) return userPool.getUserByUsername(ctx, username);
    const refreshToken = req.AuthParameters?.REFRESH_TOKEN;
    return refreshToken ? userPool.getUserByRefreshToken(ctx, refreshToken) : null;
  }

  env.guard(
    (target) => env.enabled(CHECK) && SIGN_IN.has(target),
    async (services, ctx, req) => {
      const user = await signingInUser(services, ctx, req);
      if (user && user.Enabled === false) throw disabled();
    });

  const generate = JwtTokenGenerator.prototype.generate;
  JwtTokenGenerator.prototype.generate = function (ctx, user, ...rest) {
    if (env.enabled(CHECK) && user && user.Enabled === false) return Promise.reject(disabled());
    return generate.call(this, ctx, user, ...rest);
  };

  env.wrapTarget('AdminDisableUser', (original) => (services) => {
    const target = original(services);
    return async (ctx, req) => {
      const result = await target(ctx, req);
      if (env.enabled(CHECK)) {
        const userPool = await services.cognito.getUserPool(ctx, req.UserPoolId);
        const user = await userPool.getUserByUsername(ctx, req.Username);
        if (user) await revokeTokens(ctx, userPool, user, { refreshTokens: false });
      }
      return result;
    };
  });
};
