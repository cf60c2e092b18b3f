// Starts the local Cognito (../start.js) for one node test file: a free 127.0.0.1 port, a fresh temporary working
// folder holding .cognito/config.json, the checks named in `off` switched off (LOCAL_COGNITO_OFF; the test run's own
// LOCAL_COGNITO_OFF is added, so `LOCAL_COGNITO_OFF=name node --test ...` shows that check's tests going red). Gives a JSON 1.1
// call function and stops the process and deletes the folder on stop().
//
//   const { startEmulator } = require('../support/emulator');
//   const emulator = await startEmulator({ off: ['disabled-user'] });
//   after(() => emulator.stop());
//   const { UserPool } = await emulator.call('CreateUserPool', { PoolName: 'p' });   // throws CognitoCallError on 4xx/5xx
//   const { status, body } = await emulator.send('GetUser', { AccessToken: '...' }); // never throws on a status
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const START = path.resolve(__dirname, '..', 'start.js');

/** A Cognito error answer: `code` is the __type (e.g. NotAuthorizedException), `status` the HTTP status. */
class CognitoCallError extends Error {
  constructor(action, status, body) {
    super(`${action} answered ${status}: ${body.__type} ${body.message}`);
    this.action = action;
    this.status = status;
    this.code = body.__type;
    this.body = body;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ config?: object, off?: string[], env?: object }} [options] config: .cognito/config.json (default: pools
 *   use plain user names); off: check names to switch off; env: extra environment.
 */
async function startEmulator(options = {}) {
  const config = options.config ?? { UserPoolDefaults: { UsernameAttributes: [] } };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cognito-test-'));
  fs.mkdirSync(path.join(dir, '.cognito'));
  fs.writeFileSync(path.join(dir, '.cognito', 'config.json'), JSON.stringify(config));
  const port = await freePort();
  // LOCAL_COGNITO_OFF in the test run's own environment adds to `off`: a check's "on" tests then go red.
  const off = [...(options.off ?? []), ...(process.env.LOCAL_COGNITO_OFF ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  const child = spawn(process.execPath, [START], {
    cwd: dir,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', LOCAL_COGNITO_OFF: off.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}/`;

  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local Cognito exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(url + 'health')).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`local Cognito did not answer on ${url} in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async function send(action, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify(body ?? {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  async function call(action, body) {
    const { status, body: answer } = await send(action, body);
    if (status !== 200) throw new CognitoCallError(action, status, answer);
    return answer;
  }

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }

  return { url, port, dir, send, call, stop, output: () => output };
}

/**
 * A pool, an app client and one confirmed user with a permanent password, through the emulator's own admin actions.
 * @returns {Promise<{ poolId: string, clientId: string, username: string, password: string }>}
 */
async function createPoolWithUser(emulator, { username = 'alice', password = 'Correct-Horse-9', email = 'alice@example.com' } = {}) {
  const { UserPool } = await emulator.call('CreateUserPool', { PoolName: 'test-pool' });
  const { UserPoolClient } = await emulator.call('CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'test-client' });
  await emulator.call('AdminCreateUser', {
    UserPoolId: UserPool.Id,
    Username: username,
    TemporaryPassword: 'Temporary-Pass-1',
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  await emulator.call('AdminSetUserPassword', { UserPoolId: UserPool.Id, Username: username, Password: password, Permanent: true });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, username, password };
}

/** USER_PASSWORD_AUTH sign-in; the AuthenticationResult (AccessToken, IdToken, RefreshToken). */
async function signIn(emulator, { clientId, username, password }) {
  const { AuthenticationResult } = await emulator.call('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return AuthenticationResult;
}

module.exports = { startEmulator, createPoolWithUser, signIn, CognitoCallError };
