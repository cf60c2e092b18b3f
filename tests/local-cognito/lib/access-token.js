// Authorizes the user-token actions (ConfirmDevice, ListDevices, StartWebAuthnRegistration, ...): "Authorize this
// action with a signed-in user's access token. It must include the scope aws.cognito.signin.user.admin" (API
// reference of each action). The token's signature, expiry, token_use and scope are checked against cognito-local's
// signing key; any failure is NotAuthorizedException "Invalid Access Token".
'use strict';
const path = require('path');

async function authorize(env, services, ctx, accessToken) {
  const { NotAuthorizedError, InvalidParameterError } = env.errors;
  if (!accessToken) throw new InvalidParameterError('Missing required parameter AccessToken');
  const jwt = env.require('jsonwebtoken');
  const { pem } = require(path.join(env.root, 'lib', 'keys', 'cognitoLocal.public.json'));
  let claims;
  try {
    claims = jwt.verify(accessToken, pem, { algorithms: ['RS256'] });
  } catch {
    throw new NotAuthorizedError('Invalid Access Token');
  }
  if (claims.token_use !== 'access' || !String(claims.scope || '').split(' ').includes('aws.cognito.signin.user.admin')) {
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
