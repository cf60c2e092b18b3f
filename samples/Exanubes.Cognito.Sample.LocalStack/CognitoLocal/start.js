// Starts cognito-local (path in COGNITO_LOCAL_DIR) exactly as its own bin does, after closing two gaps between
// cognito-local 5.3.0 and Cognito that the demo meets:
// 1. ResendConfirmationCode is missing. Added here mirroring cognito-local's own ForgotPassword: a new code replaces
//    the old one and goes out through the same message path (CustomEmailSender trigger, CustomEmailSender_ResendCode).
// 2. The CustomEmailSender code is encrypted without an encryption context. Cognito binds it to the pool with the
//    encryption context {"userpool-id": "<pool id>"}, and our decryptor requires that, so it is added here.
// 3. A wrong password at sign-in or password change answers InvalidPasswordException (Cognito's password-policy
//    error); Cognito answers NotAuthorizedException "Incorrect username or password.", so that is what comes back.
'use strict';
const path = require('path');
const root = process.env.COGNITO_LOCAL_DIR;
if (!root) {
  console.error('COGNITO_LOCAL_DIR must point at node_modules/cognito-local');
  process.exit(2);
}
const lib = (p) => require(path.join(root, 'lib', p));
const { Targets } = lib('targets/targets');
const { UserNotFoundError, InvalidParameterError, NotAuthorizedError } = lib('errors');
const { attributeValue } = lib('services/userPoolService');
const { MessagesService } = lib('services/messages');
const { CryptoService } = lib('services/crypto');
const esdk = require(require.resolve('@aws-crypto/client-node', { paths: [root] }));
const { encrypt } = esdk.buildClient(esdk.CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);

// The pool id travels to the encryption on the request context (customDelivery → trigger → crypto.encrypt).
const customDelivery = MessagesService.prototype.customDelivery;
MessagesService.prototype.customDelivery = function (ctx, source, clientId, userPoolId, ...rest) {
  return customDelivery.call(this, { ...ctx, userPoolId }, source, clientId, userPoolId, ...rest);
};
CryptoService.prototype.encrypt = async function (ctx, plaintext) {
  const encryptionContext = ctx.userPoolId ? { 'userpool-id': ctx.userPoolId } : {};
  const { result } = await encrypt(this.keyringNode, plaintext, { encryptionContext });
  return result.toString('base64');
};

if (!Targets.ResendConfirmationCode) {
  Targets.ResendConfirmationCode = ({ cognito, clock, messages, otp }) => async (ctx, req) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) {
      throw new UserNotFoundError();
    }
    if (user.UserStatus === 'CONFIRMED') {
      throw new InvalidParameterError('User is already confirmed.');
    }
    const email = attributeValue('email', user.Attributes);
    if (!email) {
      throw new InvalidParameterError('ResendConfirmationCode needs an email attribute on the user.');
    }
    const deliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
    const code = otp();
    await messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata, deliveryDetails);
    await userPool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), ConfirmationCode: code });
    return { CodeDeliveryDetails: deliveryDetails };
  };
}

for (const action of ['InitiateAuth', 'AdminInitiateAuth', 'ChangePassword']) {
  const original = Targets[action];
  Targets[action] = (services) => {
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
  };
}

require(path.join(root, 'lib', 'bin', 'start.js'));
