// StartWebAuthnRegistration (API reference): "Requests credential creation options from your user pool for the
// currently signed-in user. Returns information about the user pool, the user profile, and authentication
// requirements." Response: CredentialCreationOptions (a document: PublicKeyCredentialCreationOptionsJSON for
// navigator.credentials.create, made by @simplewebauthn/server). The challenge is kept on the user with the client
// that asked, for CompleteWebAuthnRegistration (WebAuthnChallengeNotFoundException once expired,
// WebAuthnClientMismatchException from another client).
'use strict';
const crypto = require('crypto');
const { authorize } = require('../lib/access-token');
const factors = require('../lib/first-factors');
const webauthn = require('../lib/webauthn');

const TIMEOUT_MS = 5 * 60 * 1000;

exports.apply = (env) => {
  const { attributeValue } = env.lib('services/userPoolService');
  env.Targets.StartWebAuthnRegistration = (services) => async (ctx, req) => {
    const { userPool, user, clientId } = await authorize(env, services, ctx, req.AccessToken);
    const config = webauthn.requireEnabled(env, userPool, factors.allowed(userPool));
    const name = attributeValue('email', user.Attributes) || user.Username;
    const options = await webauthn.simple(env).generateRegistrationOptions({
      rpName: userPool.options.Name || config.RelyingPartyId,
      rpID: config.RelyingPartyId,
      userName: name,
      userDisplayName: name,
      userID: Buffer.from(attributeValue('sub', user.Attributes) || user.Username, 'utf8'),
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: webauthn.credentialsOf(user, config.RelyingPartyId).map((c) => ({ id: c.CredentialId, transports: c.AuthenticatorTransports })),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: config.UserVerification },
      supportedAlgorithmIDs: [-7, -257],
      challenge: crypto.randomBytes(32),
    });
    await userPool.saveUser(ctx, { ...user, WebAuthnRegistration: { Challenge: options.challenge, ClientId: clientId, ExpiresAt: Date.now() + TIMEOUT_MS } });
    return { CredentialCreationOptions: options };
  };
};
