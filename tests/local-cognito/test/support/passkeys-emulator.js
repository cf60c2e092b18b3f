// Starts the extended local Cognito (tests/local-cognito/start.js) for the passkeys/devices/USER_AUTH node tests: its
// own temp data directory, a free port on 127.0.0.1, the given LOCAL_COGNITO_OFF switches and environment, and an
// optional .cognito/config.json. Fails loudly when cognito-local is missing. Also: a JSON-1.1 caller, pool set-up and
// an RFC 6238 TOTP for MFA.
'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const START = path.resolve(__dirname, '..', '..', 'start.js');
const COGNITO_LOCAL = path.resolve(__dirname, '..', '..', '..', '..', 'peers', 'node_modules', 'cognito-local');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startEmulator({ off = [], env = {}, config } = {}) {
  if (!fs.existsSync(path.join(COGNITO_LOCAL, 'lib', 'bin', 'start.js'))) {
    throw new Error(`cognito-local is not installed at ${COGNITO_LOCAL}: run (cd peers && npm ci)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cognito-'));
  if (config) {
    fs.mkdirSync(path.join(dir, '.cognito'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.cognito', 'config.json'), JSON.stringify(config));
  }
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [START], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOCAL_COGNITO_OFF: off.join(','), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local Cognito exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${endpoint}/health`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`local Cognito did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  async function call(target, body) {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if (res.status !== 200) {
      const err = new Error(json.message);
      err.target = target;
      err.status = res.status;
      err.code = json.__type;
      throw err;
    }
    return json;
  }
  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { endpoint, port, call, stop, output: () => output };
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

module.exports = { startEmulator, withEmulator, createPool, createUser, totp, freePort };
