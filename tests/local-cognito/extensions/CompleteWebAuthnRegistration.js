// CompleteWebAuthnRegistration (API reference): "Completes registration of a passkey authenticator for the currently
// signed-in user." Request: AccessToken, Credential (RegistrationResponseJSON from navigator.credentials.create).
// The attestation is verified by @simplewebauthn/server against the started challenge, the origin (check
// webauthn-origin → WebAuthnOriginNotAllowedException) and the pool's RP id (check webauthn-rp-id →
// WebAuthnRelyingPartyMismatchException); user verification is required when the pool's UserVerification is required.
// Errors from the model: WebAuthnChallengeNotFoundException ("the challenge from StartWebAuthn registration has
// expired"), WebAuthnClientMismatchException ("the access token is for a different client than the one in the
// original StartWebAuthnRegistration request"), WebAuthnCredentialNotSupportedException, InvalidParameterException.
'use strict';
const { authorize } = require('../lib/access-token');
const factors = require('../lib/first-factors');
const webauthn = require('../lib/webauthn');

exports.apply = (env) => {
  const { CognitoError, InvalidParameterError } = env.errors;
  env.Targets.CompleteWebAuthnRegistration = (services) => async (ctx, req) => {
    const { userPool, user, clientId } = await authorize(env, services, ctx, req.AccessToken);
    const config = webauthn.requireEnabled(env, userPool, factors.allowed(userPool));
    const credential = req.Credential;
    if (!credential || typeof credential !== 'object' || !credential.response) throw new InvalidParameterError('Credential must be a RegistrationResponseJSON document.');
    const pending = user.WebAuthnRegistration;
    if (!pending || Date.now() > pending.ExpiresAt) throw new CognitoError('WebAuthnChallengeNotFoundException', 'The registration challenge was not found or has expired.');
    if (pending.ClientId !== clientId) throw new CognitoError('WebAuthnClientMismatchException', 'The registration was started by another app client.');
    const refuse = (what) => (what === 'origin'
      ? new CognitoError('WebAuthnOriginNotAllowedException', 'The credential origin does not match the relying party id.')
      : new CognitoError('WebAuthnRelyingPartyMismatchException', 'The credential is for another relying party id.'));
    const origin = webauthn.expectedOrigin(env, credential, config.RelyingPartyId, refuse);
    let verified;
    try {
      verified = await webauthn.simple(env).verifyRegistrationResponse({
        response: credential,
        expectedChallenge: pending.Challenge,
        expectedOrigin: origin,
        expectedRPID: webauthn.rpCandidates(env, config.RelyingPartyId, origin),
        requireUserVerification: config.UserVerification === 'required',
        supportedAlgorithmIDs: [-7, -257],
      });
    } catch (err) {
      if (/RP ID/i.test(err.message)) throw refuse('rp');
      if (/algorithm/i.test(err.message)) throw new CognitoError('WebAuthnCredentialNotSupportedException', 'The credential algorithm is not supported.');
      throw new InvalidParameterError('The credential could not be verified (challenge, signature or format).');
    }
    if (!verified.verified) throw new InvalidParameterError('The credential could not be verified.');
    const info = verified.registrationInfo;
    const fresh = await userPool.getUserByUsername(ctx, user.Username);
    if ((fresh.WebAuthnCredentials || []).some((c) => c.CredentialId === info.credential.id)) {
      throw new InvalidParameterError('This passkey is already registered.');
    }
    const saved = {
      CredentialId: info.credential.id,
      PublicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      Counter: info.credential.counter,
      AuthenticatorTransports: credential.response.transports || [],
      AuthenticatorAttachment: ['platform', 'cross-platform'].includes(credential.authenticatorAttachment) ? credential.authenticatorAttachment : undefined,
      FriendlyCredentialName: 'Passkey',
      RelyingPartyId: config.RelyingPartyId,
      CreatedAt: services.clock.get(),
    };
    await userPool.saveUser(ctx, { ...fresh, WebAuthnRegistration: undefined, WebAuthnCredentials: [...(fresh.WebAuthnCredentials || []), saved] });
    return {};
  };
};
