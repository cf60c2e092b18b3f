// Cognito encrypts the CustomEmailSender/CustomSMSSender code with the encryption context {"userpool-id": "<pool id>"}
// (Cognito developer guide, "Custom sender Lambda triggers": the code is encrypted with the AWS Encryption SDK and
// the user pool id as encryption context). cognito-local 5.3.0 encrypts with none, so the pool id is carried on the
// request context (customDelivery → trigger → crypto.encrypt) and added here.
'use strict';
exports.apply = (env) => {
  const { MessagesService } = env.lib('services/messages');
  const { CryptoService } = env.lib('services/crypto');
  const esdk = env.require('@aws-crypto/client-node');
  const { encrypt } = esdk.buildClient(esdk.CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
  const customDelivery = MessagesService.prototype.customDelivery;
  MessagesService.prototype.customDelivery = function (ctx, source, clientId, userPoolId, ...rest) {
    return customDelivery.call(this, { ...ctx, userPoolId }, source, clientId, userPoolId, ...rest);
  };
  CryptoService.prototype.encrypt = async function (ctx, plaintext) {
    const encryptionContext = ctx.userPoolId ? { 'userpool-id': ctx.userPoolId } : {};
    const { result } = await encrypt(this.keyringNode, plaintext, { encryptionContext });
    return result.toString('base64');
  };
};
