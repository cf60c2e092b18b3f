// USER_AUTH's WEB_AUTHN first factor (API reference, InitiateAuth ChallengeName: "WEB_AUTHN: Respond to the challenge
// with the results of a successful authentication with a WebAuthn authenticator, or passkey, as CREDENTIAL";
// RespondToAuthChallenge: "WEB_AUTHN": { USERNAME, CREDENTIAL: [AuthenticationResponseJSON] }). The challenge carries
// CREDENTIAL_REQUEST_OPTIONS, the PublicKeyCredentialRequestOptionsJSON for navigator.credentials.get. The assertion is
// verified by @simplewebauthn/server: challenge, origin (check webauthn-origin), RP id (check webauthn-rp-id),
// signature with the registered key, and the growing counter (check webauthn-counter). RespondToAuthChallenge models
// no WebAuthn* errors, so a refused assertion is NotAuthorizedException. Offered when the pool allows WEB_AUTHN, has a
// relying party id and the user has a passkey for it.
'use strict';
const crypto = require('crypto');
const auth = require('../lib/auth');
const factors = require('../lib/first-factors');
const webauthn = require('../lib/webauthn');

exports.apply = (env) => {
  const { InvalidParameterError, NotAuthorizedError } = env.errors;

  factors.register('WEB_AUTHN', {
    challenges: ['WEB_AUTHN'],
    has: ({ userPool, user }) => {
      const rpId = webauthn.configuration(userPool).RelyingPartyId;
      return !!rpId && webauthn.credentialsOf(user, rpId).length > 0;
    },
    start: async (args, name, params) => {
      if (params && params.CREDENTIAL) {
        throw new InvalidParameterError('Answer WEB_AUTHN without CREDENTIAL first: the WEB_AUTHN challenge carries the CREDENTIAL_REQUEST_OPTIONS to sign.');
      }
      const config = webauthn.configuration(args.userPool);
      const options = await webauthn.simple(env).generateAuthenticationOptions({
        rpID: config.RelyingPartyId,
        allowCredentials: webauthn.credentialsOf(args.user, config.RelyingPartyId).map((c) => ({ id: c.CredentialId, transports: c.AuthenticatorTransports })),
        userVerification: config.UserVerification,
        timeout: 180000,
        challenge: crypto.randomBytes(32),
      });
      return auth.challenge('WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) }, { ...args.state, webauthnChallenge: options.challenge });
    },
  });

  auth.onChallenge(env, 'WEB_AUTHN', async (args) => {
    const { ctx, req, state, user, userPool } = args;
    const text = req.ChallengeResponses.CREDENTIAL;
    if (!text) throw new InvalidParameterError('Missing required parameter CREDENTIAL');
    let credential;
    try {
      credential = JSON.parse(text);
    } catch {
      throw new InvalidParameterError('CREDENTIAL must be an AuthenticationResponseJSON document.');
    }
    if (!credential || !credential.response || typeof credential.id !== 'string') throw new InvalidParameterError('CREDENTIAL must be an AuthenticationResponseJSON document.');
    const config = webauthn.configuration(userPool);
    const stored = webauthn.credentialsOf(user, config.RelyingPartyId).find((c) => c.CredentialId === credential.id);
    if (!stored) throw new NotAuthorizedError('Incorrect passkey.');
    const refuse = () => new NotAuthorizedError('Incorrect passkey.');
    const origin = webauthn.expectedOrigin(env, credential, config.RelyingPartyId, refuse);
    let verified;
    try {
      verified = await webauthn.simple(env).verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: state.webauthnChallenge,
        expectedOrigin: origin,
        expectedRPID: webauthn.rpCandidates(env, config.RelyingPartyId, origin),
        credential: {
          id: stored.CredentialId,
          publicKey: Buffer.from(stored.PublicKey, 'base64url'),
          counter: env.enabled('webauthn-counter') ? stored.Counter : 0,
          transports: stored.AuthenticatorTransports,
        },
        requireUserVerification: config.UserVerification === 'required',
      });
    } catch {
      throw refuse();
    }
    if (!verified.verified) throw refuse();
    const fresh = await userPool.getUserByUsername(ctx, user.Username);
    await userPool.saveUser(ctx, {
      ...fresh,
      WebAuthnCredentials: fresh.WebAuthnCredentials.map((c) => (c.CredentialId === stored.CredentialId ? { ...c, Counter: verified.authenticationInfo.newCounter } : c)),
    });
    return auth.issueTokens({ ...args, user: fresh, clientMetadata: req.ClientMetadata ?? state.clientMetadata });
  });
};
