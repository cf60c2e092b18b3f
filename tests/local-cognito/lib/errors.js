// Cognito error codes cognito-local lacks, named exactly as in the official model (botocore cognito-idp
// service-2.json: each is an error shape of the actions that throw it).
'use strict';
function cognitoError(env, code, message) {
  return new env.errors.CognitoError(code, message);
}
module.exports = { cognitoError };
