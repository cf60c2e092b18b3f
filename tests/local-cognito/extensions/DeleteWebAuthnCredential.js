// DeleteWebAuthnCredential (API reference): "Deletes a registered passkey, or WebAuthn, authenticator for the currently
// signed-in user." Request: AccessToken, CredentialId; an unknown id is ResourceNotFoundException.
'use strict';
const { authorize } = require('../lib/access-token');

exports.apply = (env) => {
  env.Targets.DeleteWebAuthnCredential = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    if (!req.CredentialId) throw new env.errors.InvalidParameterError('Missing required parameter CredentialId');
    const all = user.WebAuthnCredentials || [];
    if (!all.some((c) => c.CredentialId === req.CredentialId)) throw new env.errors.ResourceNotFoundError('The credential does not exist.');
    await userPool.saveUser(ctx, { ...user, WebAuthnCredentials: all.filter((c) => c.CredentialId !== req.CredentialId) });
    return {};
  };
};
