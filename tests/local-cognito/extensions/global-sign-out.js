// GlobalSignOut and AdminUserGlobalSignOut (missing in cognito-local 5.3.0), and the check they promise. Cognito API
// reference, GlobalSignOut / AdminUserGlobalSignOut: "Invalidates the identity, access, and refresh tokens that Amazon
// Cognito issued to a user." ... "Amazon Cognito returns an Access Token has been revoked error when your app attempts
// to authorize a user pools API request with a revoked access token" ... "Amazon Cognito no longer accepts a
// signed-out user's refresh tokens in refresh requests."
//
// Check name: global-sign-out. Switched off (LOCAL_COGNITO_OFF=global-sign-out), both actions still answer {} but
// revoke nothing, so the old access and refresh tokens keep working.
//
// How: the user record gets TokensRevokedAt (epoch seconds) and its stored refresh tokens are dropped. An access token
// whose iat is at or before TokensRevokedAt is revoked. Token times are whole seconds, so the action returns only
// after that second is over: every token issued after it returns has a later iat and stays valid.
'use strict';

const CHECK = 'global-sign-out';
const REVOKED_AT = 'TokensRevokedAt';

/** Revokes every access token issued to the user so far (and, with refreshTokens, its refresh tokens). */
async function revokeTokens(ctx, userPool, user, { refreshTokens }) {
  const revokedAt = Math.floor(Date.now() / 1000);
  const saved = { ...user, [REVOKED_AT]: revokedAt };
  if (refreshTokens) saved.RefreshTokens = [];
  await userPool.saveUser(ctx, saved);
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

/** Whether an access token's payload was issued at or before the user's last revocation. */
function isRevoked(user, payload) {
  const revokedAt = user && user[REVOKED_AT];
  return typeof revokedAt === 'number' && typeof payload.iat === 'number' && payload.iat <= revokedAt;
}

exports.revokeTokens = revokeTokens;
exports.isRevoked = isRevoked;

exports.apply = (env) => {
  const jwt = env.require('jsonwebtoken');
  const { NotAuthorizedError, UserNotFoundError, InvalidParameterError } = env.errors;

  async function userOfAccessToken(services, ctx, accessToken) {
    const payload = jwt.decode(accessToken);
    if (!payload || typeof payload !== 'object' || !payload.client_id) {
      throw new NotAuthorizedError('Invalid Access Token');
    }
    const userPool = await services.cognito.getUserPoolForClientId(ctx, payload.client_id);
    const user = await userPool.getUserByUsername(ctx, payload.sub || payload.username);
    return { payload, userPool, user };
  }

  env.Targets.GlobalSignOut = (services) => async (ctx, req) => {
    if (!req.AccessToken) throw new InvalidParameterError('Missing required parameter AccessToken');
    const { userPool, user } = await userOfAccessToken(services, ctx, req.AccessToken);
    if (!user) throw new NotAuthorizedError('Invalid Access Token');
    if (env.enabled(CHECK)) await revokeTokens(ctx, userPool, user, { refreshTokens: true });
    return {};
  };

  env.Targets.AdminUserGlobalSignOut = (services) => async (ctx, req) => {
    const userPool = await services.cognito.getUserPool(ctx, req.UserPoolId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError();
    if (env.enabled(CHECK)) await revokeTokens(ctx, userPool, user, { refreshTokens: true });
    return {};
  };

  // Every token-authorized action carries AccessToken; a revoked one is refused before the action runs.
  env.guard(
    (_target, req) => env.enabled(CHECK) && typeof req.AccessToken === 'string',
    async (services, ctx, req) => {
      const { payload, user } = await userOfAccessToken(services, ctx, req.AccessToken);
      if (isRevoked(user, payload)) throw new NotAuthorizedError('Access Token has been revoked');
    });
};
