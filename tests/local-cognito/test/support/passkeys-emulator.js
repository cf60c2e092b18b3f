// The passkeys/devices/USER_AUTH node tests' view of the emulator: started by the shared helper (../../support/
// emulator.js: free 127.0.0.1 port, temp folder, `off`, and the run's own LOCAL_COGNITO_OFF added so a check's "on"
// tests go red), with `endpoint`, a `call` whose errors carry the Cognito message, pool set-up with email as the
// username attribute, and an RFC 6238 TOTP for MFA.
'use strict';
const crypto = require('crypto');
const shared = require('../../support/emulator');

async function startEmulator({ off = [], env = {}, config } = {}) {
  const emu = await shared.startEmulator({ off, env, ...(config ? { config } : {}) });
  async function call(target, body) {
    const { status, body: answer } = await emu.send(target, body);
    if (status !== 200) {
      const err = new Error(answer.message);
      Object.assign(err, { target, status, code: answer.__type });
      throw err;
    }
    return answer;
  }
  return { ...emu, endpoint: emu.url.replace(/\/$/, ''), call };
}

/** Creates a pool (email as username) and an app client; returns ids. */
async function createPool(emu, { pool = {}, client = {} } = {}) {
  const { UserPool } = await emu.call('CreateUserPool', { PoolName: `p${crypto.randomBytes(4).toString('hex')}`, UsernameAttributes: ['email'], ...pool });
  const { UserPoolClient } = await emu.call('CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'app', ...client });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

/** A confirmed user with a password; returns { email, username (the internal one), password }. */
async function createUser(emu, { poolId, clientId }, { email, password = 'Passw0rd!x', attributes = [] } = {}) {
  email = email || `u${crypto.randomBytes(4).toString('hex')}@example.com`;
  const signUp = await emu.call('SignUp', { ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }, ...attributes] });
  await emu.call('AdminConfirmSignUp', { UserPoolId: poolId, Username: email });
  return { email, username: signUp.UserSub, password };
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) for a base32 secret. */
function totp(secret, time = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 30000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** Runs fn against an emulator started with `options`, stopping it afterwards. */
async function withEmulator(options, fn) {
  const emu = await startEmulator(options);
  try {
    return await fn(emu);
  } finally {
    await emu.stop();
  }
}

/** A free loopback port (for the sender peers). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = require('net').createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { startEmulator, withEmulator, createPool, createUser, totp, freePort };
