// Seam request-context-capture (extensions/request-context-capture.js): with LOCAL_COGNITO_CONTEXT_LOG set, a request's
// UserContextData / AnalyticsMetadata / ClientMetadata are written to that file, and nothing else of the request
// (no password); without it, nothing is written.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startEmulator, createPoolWithUser } = require('../support/emulator');

for (const on of [true, false]) {
  describe(`request-context-capture ${on ? 'on' : 'off'}`, () => {
    const file = path.join(os.tmpdir(), `context-log-${process.pid}-${on}.jsonl`);
    let emulator;
    let user;
    before(async () => {
      fs.rmSync(file, { force: true });
      emulator = await startEmulator({ env: on ? { LOCAL_COGNITO_CONTEXT_LOG: file } : {} });
      user = await createPoolWithUser(emulator);
      await emulator.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId,
        AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
        ClientMetadata: { locale: 'de-DE' },
        AnalyticsMetadata: { AnalyticsEndpointId: 'endpoint-1' },
        UserContextData: { IpAddress: '203.0.113.7', EncodedData: 'asf' },
      });
    });
    after(() => {
      emulator?.stop();
      fs.rmSync(file, { force: true });
    });

    it(on ? 'writes the context members of the sign-in, and not the password' : 'writes nothing', () => {
      if (!on) {
        assert.equal(fs.existsSync(file), false);
        return;
      }
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const signIn = lines.find((l) => l.target === 'InitiateAuth');
      assert.deepEqual(signIn, {
        target: 'InitiateAuth',
        UserContextData: { IpAddress: '203.0.113.7', EncodedData: 'asf' },
        AnalyticsMetadata: { AnalyticsEndpointId: 'endpoint-1' },
        ClientMetadata: { locale: 'de-DE' },
      });
      assert.ok(!fs.readFileSync(file, 'utf8').includes(user.password));
    });
  });
}
