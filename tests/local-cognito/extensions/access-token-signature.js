// Token-authorized actions (GetUser, ChangePassword, UpdateUserAttributes, GlobalSignOut, ... every request that
// carries AccessToken) accept only a valid access token issued by this Cognito. cognito-local 5.3.0 only decodes the
// token, so a forged, altered or expired token passes. Cognito API reference, GetUser: "Authorize this action with a
// signed-in user's access token." Developer guide, "Authorization models for API and SDK authentication": "With
// token-authorized operations ... the authorization comes from a session token or an access token". Cognito answers
// NotAuthorizedException "Invalid Access Token" (bad signature, not an access token) or "Access Token has expired".
//
// Check name: access-token-signature (signature with cognito-local's own signing key, RS256 only, expiry, token_use).
'use strict';

const CHECK = 'access-token-signature';

exports.apply = (env) => {
  const crypto = require('crypto');
  const jwt = env.require('jsonwebtoken');
  const { NotAuthorizedError } = env.errors;
  const publicKey = crypto.createPublicKey({ key: env.lib('keys/cognitoLocal.public.json').jwk, format: 'jwk' });

  env.guard(
    (_target, req) => env.enabled(CHECK) && typeof req.AccessToken === 'string',
    async (_services, _ctx, req) => {
      let payload;
      try {
        payload = jwt.verify(req.AccessToken, publicKey, { algorithms: ['RS256'] });
      } catch (err) {
        if (err && err.name === 'TokenExpiredError') throw new NotAuthorizedError('Access Token has expired');
        throw new NotAuthorizedError('Invalid Access Token');
      }
      if (!payload || payload.token_use !== 'access') throw new NotAuthorizedError('Invalid Access Token');
    });
};
