// Authorizes the user-token actions (ConfirmDevice, ListDevices, StartWebAuthnRegistration, ...): "Authorize this
// action with a signed-in user's access token. It must include the scope aws.cognito.signin.user.admin" (API
// reference of each action). The token's signature, expiry and token_use are checked once for every action by
// extensions/access-token-signature.js (check access-token-signature) and revocation by extensions/global-sign-out.js;
// here the token names the user and must carry the scope.
'use strict';

async function authorize(env, services, ctx, accessToken) {
  const { NotAuthorizedError, InvalidParameterError } = env.errors;
  if (!accessToken) throw new InvalidParameterError('Missing required parameter AccessToken');
  const claims = env.require('jsonwebtoken').decode(accessToken);
  if (!claims || typeof claims !== 'object' || !claims.client_id
    || !String(claims.scope || '').split(' ').includes('aws.cognito.signin.user.admin')) {
    throw new NotAuthorizedError('Invalid Access Token');
  }
  let userPool;
  try {
    userPool = await services.cognito.getUserPoolForClientId(ctx, claims.client_id);
  } catch {
    throw new NotAuthorizedError('Invalid Access Token');
  }
  const user = await userPool.getUserByUsername(ctx, claims.username) ?? await userPool.getUserByUsername(ctx, claims.sub);
  if (!user) throw new env.errors.UserNotFoundError('User does not exist.');
  if (user.UserStatus === 'RESET_REQUIRED') throw new env.errors.PasswordResetRequiredError();
  return { userPool, user, clientId: claims.client_id, claims };
}

module.exports = { authorize };
