// USER_SRP_AUTH, remembered devices and their checks, cross-checked with amazon-cognito-identity-js (AWS's SRP client):
// it computes every SRP and device-SRP proof and calls ConfirmDevice itself, so the emulator is proven by a client it
// did not write. Each check's test runs twice: with the check on the bad input is refused; with the check switched off
// (LOCAL_COGNITO_OFF) the same input gets through, so the test goes red when the check is off.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withEmulator, createPool, createUser, totp } = require('./support/passkeys-emulator');
const { memoryStorage, signIn, sendTotp, promisify, refresh } = require('./support/passkeys-identity-js');
const srpClient = require('./support/passkeys-srp-client');

const DEVICES = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true };

async function poolWithTotpUser(emu, deviceConfiguration = DEVICES) {
  const ids = await createPool(emu, { pool: { DeviceConfiguration: deviceConfiguration, MfaConfiguration: 'OPTIONAL' } });
  const user = await createUser(emu, ids);
  const { AuthenticationResult } = await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } });
  const { SecretCode } = await emu.call('AssociateSoftwareToken', { AccessToken: AuthenticationResult.AccessToken });
  await emu.call('VerifySoftwareToken', { AccessToken: AuthenticationResult.AccessToken, UserCode: totp(SecretCode) });
  await emu.call('SetUserMFAPreference', { AccessToken: AuthenticationResult.AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
  return { ...ids, ...user, secret: SecretCode };
}

/** The library calls onSuccess after device SRP whatever came back; signed in means it holds tokens. */
function assertSignedIn(r, message) {
  assert.equal(r.outcome, 'success', `${message || 'signed in'}: ${r.outcome} ${r.err || ''}`);
  assert.ok(r.session.getAccessToken().getJwtToken(), `${message || 'signed in'}: no tokens`);
}

/** Signs in with SRP + TOTP, lets the library confirm the device, and remembers it. */
async function rememberDevice(emu, ctx, storage) {
  const opts = { endpoint: emu.endpoint, poolId: ctx.poolId, clientId: ctx.clientId, username: ctx.email, storage };
  const first = await signIn(opts, ctx.password);
  assert.equal(first.outcome, 'totp', `first sign-in on a new device asks for MFA: ${first.err}`);
  const done = await sendTotp(first.user, totp(ctx.secret));
  assert.equal(done.outcome, 'success', String(done.err));
  assert.equal(done.userConfirmationNecessary, true, 'DeviceOnlyRememberedOnUserPrompt → UserConfirmationNecessary');
  await promisify(done.user, 'setDeviceStatusRemembered');
  return { opts, session: done.session, user: done.user };
}

test('amazon-cognito-identity-js signs in with SRP; the tokens are the user\'s', async () => {
  await withEmulator({}, async (emu) => {
    const ids = await createPool(emu);
    const user = await createUser(emu, ids);
    const r = await signIn({ endpoint: emu.endpoint, poolId: ids.poolId, clientId: ids.clientId, username: user.email, storage: memoryStorage() }, user.password);
    assertSignedIn(r);
    assert.equal(r.session.getIdToken().decodePayload().sub, user.username);
    assert.equal(r.session.getAccessToken().decodePayload().username, user.username);
  });
});

test('USER_SRP_AUTH answers PASSWORD_VERIFIER with SALT, SECRET_BLOCK, SRP_B and USER_ID_FOR_SRP (the internal username)', async () => {
  await withEmulator({}, async (emu) => {
    const ids = await createPool(emu);
    const user = await createUser(emu, ids);
    const out = await emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: 'abc123' } });
    assert.equal(out.ChallengeName, 'PASSWORD_VERIFIER');
    assert.deepEqual(Object.keys(out.ChallengeParameters).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    assert.equal(out.ChallengeParameters.USER_ID_FOR_SRP, user.username);
    assert.ok(out.Session.length >= 20);
    await assert.rejects(emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: '0' } }), { code: 'InvalidParameterException' });

    // The proof is bound to its TIMESTAMP: a right password signed ten minutes ago is refused, a fresh one signs in.
    const srp = await srpClient.begin(ids.poolId);
    const challenge = await emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: srp.srpA } });
    const respond = (responses) => emu.call('RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: responses });
    const stale = await srpClient.answer(srp, challenge.ChallengeParameters, user.password, new Date(Date.now() - 10 * 60 * 1000));
    await assert.rejects(respond(stale), { code: 'NotAuthorizedException' });
    const srp2 = await srpClient.begin(ids.poolId);
    const challenge2 = await emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: srp2.srpA } });
    const fresh = await srpClient.answer(srp2, challenge2.ChallengeParameters, user.password);
    const tokens = await emu.call('RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge2.Session, ChallengeResponses: fresh });
    assert.ok(tokens.AuthenticationResult.AccessToken);
    assert.equal(tokens.AuthenticationResult.TokenType, 'Bearer');
  });
});

test('USER_SRP_AUTH is refused when the app client does not allow it', async () => {
  await withEmulator({}, async (emu) => {
    const ids = await createPool(emu, { client: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } });
    const user = await createUser(emu, ids);
    await assert.rejects(emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, SRP_A: 'abc123' } }), { code: 'InvalidParameterException' });
  });
});

for (const off of [false, true]) {
  test(`srp-proof ${off ? 'OFF: a wrong password gets through (the check matters)' : 'ON: a wrong password is NotAuthorizedException'}`, async () => {
    await withEmulator({ off: off ? ['srp-proof'] : [] }, async (emu) => {
      const ids = await createPool(emu);
      const user = await createUser(emu, ids);
      const r = await signIn({ endpoint: emu.endpoint, poolId: ids.poolId, clientId: ids.clientId, username: user.email, storage: memoryStorage() }, 'Wrong-passw0rd');
      if (off) {
        assertSignedIn(r);
      } else {
        assert.equal(r.outcome, 'failure');
        assert.equal(r.err.code, 'NotAuthorizedException');
        assert.equal(r.err.message, 'Incorrect username or password.');
      }
    });
  });
}

test('remembered device: ConfirmDevice by the library, then device SRP skips MFA; GetDevice, ListDevices, refresh with DEVICE_KEY', async () => {
  await withEmulator({}, async (emu) => {
    const ctx = await poolWithTotpUser(emu);
    const storage = memoryStorage();
    const { opts, session } = await rememberDevice(emu, ctx, storage);
    const deviceKey = [...storage.data.entries()].find(([k]) => k.endsWith('.deviceKey'))[1];
    assert.match(deviceKey, /^[\w-]+_[0-9a-f-]+$/);

    const second = await signIn(opts, ctx.password);
    assertSignedIn(second, 'a remembered device skips MFA');

    const access = second.session.getAccessToken().getJwtToken();
    const got = await emu.call('GetDevice', { AccessToken: access, DeviceKey: deviceKey });
    assert.equal(got.Device.DeviceKey, deviceKey);
    const status = got.Device.DeviceAttributes.find((a) => a.Name === 'dev:device_remembered_status');
    assert.equal(status.Value, 'remembered');
    assert.ok(got.Device.DeviceLastAuthenticatedDate >= got.Device.DeviceCreateDate);
    const list = await emu.call('ListDevices', { AccessToken: access, Limit: 10 });
    assert.deepEqual(list.Devices.map((d) => d.DeviceKey), [deviceKey]);

    const refreshed = await refresh(second.user, session.getRefreshToken());
    assert.ok(refreshed.getAccessToken().getJwtToken());
    await assert.rejects(emu.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ctx.clientId, AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken(), DEVICE_KEY: 'local_00000000-0000-0000-0000-000000000000' } }), { code: 'ResourceNotFoundException' });

    await emu.call('UpdateDeviceStatus', { AccessToken: access, DeviceKey: deviceKey, DeviceRememberedStatus: 'not_remembered' });
    const third = await signIn(opts, ctx.password);
    assert.equal(third.outcome, 'totp', 'a device set not_remembered no longer skips MFA');
    await assert.rejects(emu.call('UpdateDeviceStatus', { AccessToken: access, DeviceKey: deviceKey, DeviceRememberedStatus: 'maybe' }), { code: 'InvalidParameterException' });
  });
});

test('ListDevices pages with Limit and PaginationToken', async () => {
  await withEmulator({}, async (emu) => {
    const ctx = await poolWithTotpUser(emu, { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false });
    const keys = [];
    let access;
    for (let i = 0; i < 3; i++) {
      const storage = memoryStorage();
      const first = await signIn({ endpoint: emu.endpoint, poolId: ctx.poolId, clientId: ctx.clientId, username: ctx.email, storage }, ctx.password);
      const done = await sendTotp(first.user, totp(ctx.secret));
      assert.equal(done.outcome, 'success');
      assert.equal(done.userConfirmationNecessary, undefined, 'always-remember pools answer UserConfirmationNecessary false');
      keys.push([...storage.data.entries()].find(([k]) => k.endsWith('.deviceKey'))[1]);
      access = done.session.getAccessToken().getJwtToken();
    }
    const seen = [];
    let token;
    do {
      const pageOut = await emu.call('ListDevices', { AccessToken: access, Limit: 2, PaginationToken: token });
      assert.ok(pageOut.Devices.length <= 2);
      seen.push(...pageOut.Devices.map((d) => d.DeviceKey));
      token = pageOut.PaginationToken;
    } while (token);
    assert.deepEqual(seen.sort(), keys.sort());
    await assert.rejects(emu.call('ListDevices', { AccessToken: access, PaginationToken: 'nonsense!' }), { code: 'InvalidParameterException' });
    await assert.rejects(emu.call('ListDevices', { AccessToken: access.slice(0, -4) + 'AAAA' }), { code: 'NotAuthorizedException' });
  });
});

for (const off of [false, true]) {
  test(`device-srp-proof ${off ? 'OFF: a wrong device secret gets through' : 'ON: a wrong device secret is NotAuthorizedException'}`, async () => {
    await withEmulator({ off: off ? ['device-srp-proof'] : [] }, async (emu) => {
      const ctx = await poolWithTotpUser(emu);
      const storage = memoryStorage();
      const { opts } = await rememberDevice(emu, ctx, storage);
      const secretKey = [...storage.data.keys()].find((k) => k.endsWith('.randomPasswordKey'));
      storage.setItem(secretKey, 'not-the-device-secret');
      const r = await signIn(opts, ctx.password);
      if (off) {
        assertSignedIn(r);
      } else {
        assert.equal(r.outcome, 'failure');
        assert.equal(r.err.code, 'NotAuthorizedException');
      }
    });
  });
}

for (const off of [false, true]) {
  test(`device-forgotten ${off ? 'OFF: a forgotten device still skips MFA' : 'ON: a forgotten device cannot do device SRP (MFA again)'}`, async () => {
    await withEmulator({ off: off ? ['device-forgotten'] : [] }, async (emu) => {
      const ctx = await poolWithTotpUser(emu);
      const storage = memoryStorage();
      const { opts, session } = await rememberDevice(emu, ctx, storage);
      const deviceKey = [...storage.data.entries()].find(([k]) => k.endsWith('.deviceKey'))[1];
      await emu.call('ForgetDevice', { AccessToken: session.getAccessToken().getJwtToken(), DeviceKey: deviceKey });
      // The library sends the forgotten key; Cognito's "Device does not exist." makes it drop the key and go on.
      const r = await signIn(opts, ctx.password);
      if (off) assertSignedIn(r);
      else assert.equal(r.outcome, 'totp');
      if (!off) {
        const viaApi = await emu.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email, SRP_A: 'abc123', DEVICE_KEY: deviceKey } });
        assert.equal(viaApi.ChallengeName, 'PASSWORD_VERIFIER');
        await assert.rejects(emu.call('GetDevice', { AccessToken: session.getAccessToken().getJwtToken(), DeviceKey: deviceKey }), { code: 'ResourceNotFoundException', message: /Device does not exist/ });
      }
    });
  });
}

test('cognito-local\'s own challenges (USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA) work behind single-use sessions; refresh works after MFA; no NewDeviceMetadata outside SRP', async () => {
  await withEmulator({}, async (emu) => {
    const ctx = await poolWithTotpUser(emu); // device tracking on
    const mfa = await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email, PASSWORD: ctx.password } });
    assert.equal(mfa.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    const answer = { ClientId: ctx.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: mfa.Session, ChallengeResponses: { USERNAME: ctx.email, SOFTWARE_TOKEN_MFA_CODE: totp(ctx.secret) } };
    await assert.rejects(emu.call('RespondToAuthChallenge', { ...answer, ChallengeResponses: { ...answer.ChallengeResponses, SOFTWARE_TOKEN_MFA_CODE: '000000' } }), { code: 'CodeMismatchException' });
    const done = await emu.call('RespondToAuthChallenge', answer);
    assert.ok(done.AuthenticationResult.AccessToken, 'a wrong code may be retried in the same session');
    assert.equal(done.AuthenticationResult.NewDeviceMetadata, undefined, 'USER_PASSWORD_AUTH gets no NewDeviceMetadata: device tracking is modelled for USER_SRP_AUTH only');
    await assert.rejects(emu.call('RespondToAuthChallenge', answer), { code: 'NotAuthorizedException' });
    const refreshed = await emu.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ctx.clientId, AuthParameters: { REFRESH_TOKEN: done.AuthenticationResult.RefreshToken } });
    assert.ok(refreshed.AuthenticationResult.AccessToken);
  });
});
