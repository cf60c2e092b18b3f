// Every response of the targets this emulator adds, held to the official model (botocore cognito-idp service-2):
// member names, required members, enums and types of each output shape, and every error code one of the action's
// modelled errors. The responses are recorded from real flows (amazon-cognito-identity-js and raw calls) by watching
// this process's fetch.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const model = require('./support/passkeys-model');
const { withEmulator, createPool, createUser, totp } = require('./support/passkeys-emulator');
const { memoryStorage, signIn, sendTotp, promisify, refresh } = require('./support/passkeys-identity-js');

function record(endpoint) {
  const seen = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const res = await original(url, init);
    if (String(url).startsWith(endpoint) && init && init.headers) {
      const headers = init.headers instanceof Headers ? Object.fromEntries(init.headers) : init.headers;
      const target = headers['x-amz-target'] || headers['X-Amz-Target'];
      if (target) {
        const text = await res.clone().text();
        seen.push({ action: target.split('.')[1], status: res.status, body: text ? JSON.parse(text) : {} });
      }
    }
    return res;
  };
  return { seen, restore: () => { globalThis.fetch = original; } };
}

function assertConforms(seen, actions) {
  for (const action of actions) {
    const calls = seen.filter((c) => c.action === action);
    assert.ok(calls.some((c) => c.status === 200), `${action} was exercised`);
    for (const c of calls) {
      if (c.status === 200) {
        const shape = model.outputShape(action);
        if (shape) assert.deepEqual(model.check(shape, c.body), [], `${action} response`);
        else assert.deepEqual(c.body, {}, `${action} has no output shape: the body is {}`);
      } else {
        assert.ok(model.errorShapes(action).includes(c.body.__type), `${action} error ${c.body.__type} is one of its modelled errors`);
      }
    }
  }
}

test('SRP and device targets answer in the model\'s shapes', async () => {
  await withEmulator({}, async (emu) => {
    const rec = record(emu.endpoint);
    try {
      const ids = await createPool(emu, { pool: { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true }, MfaConfiguration: 'OPTIONAL' } });
      const user = await createUser(emu, ids);
      const pw = await emu.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } });
      const access0 = pw.AuthenticationResult.AccessToken;
      const { SecretCode } = await emu.call('AssociateSoftwareToken', { AccessToken: access0 });
      await emu.call('VerifySoftwareToken', { AccessToken: access0, UserCode: totp(SecretCode) });
      await emu.call('SetUserMFAPreference', { AccessToken: access0, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });

      const storage = memoryStorage();
      const opts = { endpoint: emu.endpoint, poolId: ids.poolId, clientId: ids.clientId, username: user.email, storage };
      const first = await signIn(opts, user.password);
      const done = await sendTotp(first.user, totp(SecretCode));
      await promisify(done.user, 'setDeviceStatusRemembered');
      const second = await signIn(opts, user.password);
      assert.equal(second.outcome, 'success');
      await refresh(second.user, second.session.getRefreshToken());
      const access = second.session.getAccessToken().getJwtToken();
      const deviceKey = [...storage.data.entries()].find(([k]) => k.endsWith('.deviceKey'))[1];
      await emu.call('GetDevice', { AccessToken: access, DeviceKey: deviceKey });
      await emu.call('ListDevices', { AccessToken: access, Limit: 1 });
      await emu.call('ForgetDevice', { AccessToken: access, DeviceKey: deviceKey });
      await emu.call('GetDevice', { AccessToken: access, DeviceKey: deviceKey }).catch(() => {});
      await emu.call('ConfirmDevice', { AccessToken: access, DeviceKey: 'local_00000000-0000-0000-0000-000000000000', DeviceSecretVerifierConfig: { PasswordVerifier: 'AA==', Salt: 'AA==' } }).catch(() => {});
      await signIn(opts, 'Wrong-passw0rd');
    } finally {
      rec.restore();
    }
    assertConforms(rec.seen, ['InitiateAuth', 'RespondToAuthChallenge', 'ConfirmDevice', 'UpdateDeviceStatus', 'GetDevice', 'ListDevices', 'ForgetDevice']);
  });
});

module.exports = { record, assertConforms };
