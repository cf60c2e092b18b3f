// Passkeys: the pool's WebAuthn configuration, the user's credentials (user.WebAuthnCredentials), and verification
// through @simplewebauthn/server (npm peer) — it checks the challenge, origin, RP ID hash, signature and counter of
// every attestation and assertion; this file decides which origin and RP id Cognito accepts.
// - WebAuthnConfigurationType.RelyingPartyId: "the authentication domain ... that passkey providers must use as a
//   relying party (RP)"; UserVerification: "When required, users can only register and sign in users with passkeys
//   that are capable of user verification. When preferred, your user pool doesn't require [it]" (default preferred).
// - Check `webauthn-origin`: WebAuthnOriginNotAllowedException, "the passkey credential's registration origin does not
//   align with the user pool relying party id" (API reference, error shapes). Allowed: https://<rp id> and https
//   subdomains of it, and http://localhost[:port] for the RP id localhost (WebAuthn Level 2 §13.4.9 / browsers treat
//   localhost as a secure context). LOCAL_COGNITO_OFF=webauthn-origin accepts any origin.
// - Check `webauthn-rp-id`: WebAuthnRelyingPartyMismatchException, "the given passkey credential is associated with a
//   different relying party ID than the user pool relying party ID". LOCAL_COGNITO_OFF=webauthn-rp-id also accepts the
//   origin's host and its parent domains as RP id.
// - Check `webauthn-counter`: an assertion whose signature counter does not grow (WebAuthn Level 2 §6.1.1, signCount:
//   a cloned authenticator) is refused. LOCAL_COGNITO_OFF=webauthn-counter skips the comparison.
'use strict';

function simple(env) {
  return env.require('@simplewebauthn/server');
}

function configuration(userPool) {
  const c = userPool.options.WebAuthnConfiguration || {};
  return { RelyingPartyId: c.RelyingPartyId, UserVerification: c.UserVerification || 'preferred', FactorConfiguration: c.FactorConfiguration };
}

/** Throws WebAuthnNotEnabledException / WebAuthnConfigurationMissingException; returns the configuration. */
function requireEnabled(env, userPool, allowedFactors) {
  if (!allowedFactors.includes('WEB_AUTHN')) {
    throw new env.errors.CognitoError('WebAuthnNotEnabledException', 'Passkeys are not enabled for this user pool.');
  }
  const config = configuration(userPool);
  if (!config.RelyingPartyId) {
    throw new env.errors.CognitoError('WebAuthnConfigurationMissingException', 'The user pool has no relying party id or domain.');
  }
  return config;
}

function originOf(credential) {
  try {
    const clientData = JSON.parse(Buffer.from(credential.response.clientDataJSON, 'base64url').toString('utf8'));
    return typeof clientData.origin === 'string' ? clientData.origin : null;
  } catch {
    return null;
  }
}

function originAllowed(origin, rpId) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const host = url.hostname;
  const matches = host === rpId || host.endsWith(`.${rpId}`);
  if (url.protocol === 'https:') return matches;
  return url.protocol === 'http:' && rpId === 'localhost' && host === 'localhost';
}

/** The origin simplewebauthn must expect; throws the origin error when check webauthn-origin refuses it. */
function expectedOrigin(env, credential, rpId, refuse) {
  const origin = originOf(credential);
  if (!origin) throw new env.errors.InvalidParameterError('The credential has no readable clientDataJSON origin.');
  if (env.enabled('webauthn-origin') && !originAllowed(origin, rpId)) throw refuse('origin');
  return origin;
}

/** RP ids simplewebauthn may match: the pool's, and with webauthn-rp-id off the origin host and its parents. */
function rpCandidates(env, rpId, origin) {
  if (env.enabled('webauthn-rp-id')) return [rpId];
  const labels = new URL(origin).hostname.split('.');
  return [rpId, ...labels.map((_, i) => labels.slice(i).join('.'))];
}

function credentialsOf(user, rpId) {
  return (user.WebAuthnCredentials || []).filter((c) => !rpId || c.RelyingPartyId === rpId);
}

module.exports = { simple, configuration, requireEnabled, expectedOrigin, rpCandidates, credentialsOf, originAllowed };
