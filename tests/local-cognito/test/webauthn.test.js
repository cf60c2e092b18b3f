// Passkeys: WebAuthn configuration, registration (Start/Complete), listing with paging, deletion, USER_AUTH WEB_AUTHN
// sign-in, and the checks webauthn-origin, webauthn-rp-id and webauthn-counter, each run with the check on and off.
// Attestations and assertions come from a software authenticator (support/passkeys-authenticator.js); the emulator
// verifies them with @simplewebauthn/server.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withEmulator, createPool, createUser } = require('./support/passkeys-emulator');
const { createAuthenticator } = require('./support/passkeys-authenticator');
const { record, assertConforms } = require('./model-shapes.test.js');

const ORIGIN = 'http://localhost:5173';

async function setup(emu, { rpId = 'localhost', userVerification = 'required', factors = ['PASSWORD', 'WEB_AUTHN'] } = {}) {
  const ids = await createPool(emu, {
    pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } } },
    client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  });
  if (rpId) await emu.call('SetUserPoolMfaConfig', { UserPoolId: ids.poolId, WebAuthnConfiguration: { RelyingPartyId: rpId, UserVerification: userVerification } });
  const user = await createUser(emu, ids);
  const signedIn = await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } });
  return { ...ids, ...user, access: signedIn.AuthenticationResult.AccessToken };
}

async function register(emu, ctx, authenticator, bend = {}) {
  const { CredentialCreationOptions } = await emu.call('StartWebAuthnRegistration', { AccessToken: ctx.access });
  return emu.call('CompleteWebAuthnRegistration', { AccessToken: ctx.access, Credential: authenticator.create(CredentialCreationOptions, { origin: ORIGIN, ...bend }) });
}

async function passkeySignIn(emu, ctx, authenticator, bend = {}) {
  const challenge = await emu.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email, PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
  assert.equal(challenge.ChallengeName, 'WEB_AUTHN');
  const options = JSON.parse(challenge.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS);
  const credential = authenticator.get(options, { origin: ORIGIN, ...bend });
  return emu.call('RespondToAuthChallenge', { ClientId: ctx.clientId, ChallengeName: 'WEB_AUTHN', Session: challenge.Session, ChallengeResponses: { USERNAME: ctx.email, CREDENTIAL: JSON.stringify(credential) } });
}

test('passkeys: configure, register, list, sign in with USER_AUTH WEB_AUTHN, delete; responses in the model\'s shapes', async () => {
  await withEmulator({}, async (emu) => {
    const rec = record(emu.endpoint);
    try {
      const ctx = await setup(emu);
      const mfa = await emu.call('GetUserPoolMfaConfig', { UserPoolId: ctx.poolId });
      assert.deepEqual(mfa.WebAuthnConfiguration, { RelyingPartyId: 'localhost', UserVerification: 'required' });

      const authenticator = createAuthenticator();
      const { CredentialCreationOptions: options } = await emu.call('StartWebAuthnRegistration', { AccessToken: ctx.access });
      assert.equal(options.rp.id, 'localhost');
      assert.equal(options.authenticatorSelection.userVerification, 'required');
      assert.ok(options.challenge && options.user.id);
      assert.deepEqual(await emu.call('CompleteWebAuthnRegistration', { AccessToken: ctx.access, Credential: authenticator.create(options, { origin: ORIGIN }) }), {});
      await assert.rejects(emu.call('CompleteWebAuthnRegistration', { AccessToken: ctx.access, Credential: authenticator.create(options, { origin: ORIGIN }) }), { code: 'WebAuthnChallengeNotFoundException' });

      const list = await emu.call('ListWebAuthnCredentials', { AccessToken: ctx.access });
      assert.equal(list.Credentials.length, 1);
      assert.equal(list.Credentials[0].CredentialId, authenticator.credentialId);
      assert.equal(list.Credentials[0].RelyingPartyId, 'localhost');
      assert.deepEqual(list.Credentials[0].AuthenticatorTransports, ['internal']);

      const factors = await emu.call('GetUserAuthFactors', { AccessToken: ctx.access });
      assert.deepEqual(factors.ConfiguredUserAuthFactors, ['PASSWORD', 'WEB_AUTHN']);
      const select = await emu.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email } });
      assert.deepEqual(select.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
      const viaSelect = await emu.call('RespondToAuthChallenge', { ClientId: ctx.clientId, ChallengeName: 'SELECT_CHALLENGE', Session: select.Session, ChallengeResponses: { USERNAME: ctx.email, ANSWER: 'WEB_AUTHN' } });
      assert.equal(viaSelect.ChallengeName, 'WEB_AUTHN');
      const requestOptions = JSON.parse(viaSelect.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS);
      assert.equal(requestOptions.rpId, 'localhost');
      assert.deepEqual(requestOptions.allowCredentials.map((c) => c.id), [authenticator.credentialId]);
      const signedIn = await emu.call('RespondToAuthChallenge', { ClientId: ctx.clientId, ChallengeName: 'WEB_AUTHN', Session: viaSelect.Session, ChallengeResponses: { USERNAME: ctx.email, CREDENTIAL: JSON.stringify(authenticator.get(requestOptions, { origin: ORIGIN })) } });
      assert.ok(signedIn.AuthenticationResult.AccessToken);

      const stranger = createAuthenticator();
      const wrongKey = await emu.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email, PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
      const forged = stranger.get(JSON.parse(wrongKey.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS), { origin: ORIGIN });
      forged.id = authenticator.credentialId;
      forged.rawId = authenticator.credentialId;
      await assert.rejects(emu.call('RespondToAuthChallenge', { ClientId: ctx.clientId, ChallengeName: 'WEB_AUTHN', Session: wrongKey.Session, ChallengeResponses: { USERNAME: ctx.email, CREDENTIAL: JSON.stringify(forged) } }), { code: 'NotAuthorizedException' }, 'a signature from another key');
      await assert.rejects(passkeySignIn(emu, ctx, authenticator, { userVerified: false }), { code: 'NotAuthorizedException' }, 'UserVerification required');

      await assert.rejects(emu.call('DeleteWebAuthnCredential', { AccessToken: ctx.access, CredentialId: 'nope' }), { code: 'ResourceNotFoundException' });
      assert.deepEqual(await emu.call('DeleteWebAuthnCredential', { AccessToken: ctx.access, CredentialId: authenticator.credentialId }), {});
      assert.deepEqual((await emu.call('ListWebAuthnCredentials', { AccessToken: ctx.access })).Credentials, []);
    } finally {
      rec.restore();
    }
    assertConforms(rec.seen, ['SetUserPoolMfaConfig', 'GetUserPoolMfaConfig', 'StartWebAuthnRegistration', 'CompleteWebAuthnRegistration', 'ListWebAuthnCredentials', 'DeleteWebAuthnCredential', 'GetUserAuthFactors', 'InitiateAuth', 'RespondToAuthChallenge']);
  });
});

test('passkeys: paging, not enabled, no relying party, another client, unverified user', async () => {
  await withEmulator({}, async (emu) => {
    const ctx = await setup(emu, { userVerification: 'preferred' });
    for (let i = 0; i < 3; i++) await register(emu, ctx, createAuthenticator(), i === 0 ? { userVerified: false } : {});
    const first = await emu.call('ListWebAuthnCredentials', { AccessToken: ctx.access, MaxResults: 2 });
    assert.equal(first.Credentials.length, 2);
    const second = await emu.call('ListWebAuthnCredentials', { AccessToken: ctx.access, MaxResults: 2, NextToken: first.NextToken });
    assert.equal(second.Credentials.length, 1);
    assert.equal(second.NextToken, undefined);
    await assert.rejects(emu.call('ListWebAuthnCredentials', { AccessToken: ctx.access, MaxResults: 21 }), { code: 'InvalidParameterException' });

    const other = await emu.call('CreateUserPoolClient', { UserPoolId: ctx.poolId, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const otherAccess = (await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: other.UserPoolClient.ClientId, AuthParameters: { USERNAME: ctx.email, PASSWORD: ctx.password } })).AuthenticationResult.AccessToken;
    const { CredentialCreationOptions } = await emu.call('StartWebAuthnRegistration', { AccessToken: ctx.access });
    await assert.rejects(emu.call('CompleteWebAuthnRegistration', { AccessToken: otherAccess, Credential: createAuthenticator().create(CredentialCreationOptions, { origin: ORIGIN }) }), { code: 'WebAuthnClientMismatchException' });

    const off = await setup(emu, { factors: ['PASSWORD'] });
    await assert.rejects(emu.call('StartWebAuthnRegistration', { AccessToken: off.access }), { code: 'WebAuthnNotEnabledException' });
    const noRp = await setup(emu, { rpId: null });
    await assert.rejects(emu.call('StartWebAuthnRegistration', { AccessToken: noRp.access }), { code: 'WebAuthnConfigurationMissingException' });
    await assert.rejects(emu.call('SetUserPoolMfaConfig', { UserPoolId: ctx.poolId, WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'always' } }), { code: 'InvalidParameterException' });
  });
});

for (const off of [false, true]) {
  test(`webauthn-origin ${off ? 'OFF: a foreign origin registers' : 'ON: a foreign origin is WebAuthnOriginNotAllowedException'}`, async () => {
    await withEmulator({ off: off ? ['webauthn-origin'] : [] }, async (emu) => {
      const ctx = await setup(emu);
      const attempt = register(emu, ctx, createAuthenticator(), { origin: 'https://evil.example' });
      if (off) assert.deepEqual(await attempt, {});
      else await assert.rejects(attempt, { code: 'WebAuthnOriginNotAllowedException' });
    });
  });

  test(`webauthn-rp-id ${off ? 'OFF: a credential for another RP id registers' : 'ON: another RP id is WebAuthnRelyingPartyMismatchException'}`, async () => {
    await withEmulator({ off: off ? ['webauthn-rp-id'] : [] }, async (emu) => {
      const ctx = await setup(emu, { rpId: 'example.com' });
      const attempt = register(emu, ctx, createAuthenticator(), { origin: 'https://login.example.com', rpId: 'login.example.com' });
      if (off) assert.deepEqual(await attempt, {});
      else await assert.rejects(attempt, { code: 'WebAuthnRelyingPartyMismatchException' });
    });
  });

  test(`webauthn-counter ${off ? 'OFF: a repeated signature counter signs in' : 'ON: a counter that does not grow is refused'}`, async () => {
    await withEmulator({ off: off ? ['webauthn-counter'] : [] }, async (emu) => {
      const ctx = await setup(emu);
      const authenticator = createAuthenticator();
      await register(emu, ctx, authenticator);
      assert.ok((await passkeySignIn(emu, ctx, authenticator, { signCount: 5 })).AuthenticationResult);
      const cloned = passkeySignIn(emu, ctx, authenticator, { signCount: 5 });
      if (off) assert.ok((await cloned).AuthenticationResult);
      else await assert.rejects(cloned, { code: 'NotAuthorizedException' });
    });
  });
}
