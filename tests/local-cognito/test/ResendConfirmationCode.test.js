// extensions/ResendConfirmationCode.js: a new code replaces the old one, and confirming with it works.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startEmulator } = require('../support/emulator');

describe('ResendConfirmationCode', () => {
  let emulator;
  let clientId;
  let poolId;
  before(async () => {
    emulator = await startEmulator();
    poolId = (await emulator.call('CreateUserPool', { PoolName: 'p', AutoVerifiedAttributes: ['email'] })).UserPool.Id;
    clientId = (await emulator.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c' })).UserPoolClient.ClientId;
  });
  after(() => emulator?.stop());

  // cognito-local saves its database before answering; the stored code is the one it delivered.
  const storedCode = (username) =>
    JSON.parse(fs.readFileSync(path.join(emulator.dir, '.cognito', 'db', `${poolId}.json`), 'utf8')).Users[username].ConfirmationCode;

  it('issues a new code that confirms the user; the old one no longer does', async () => {
    await emulator.call('SignUp', {
      ClientId: clientId, Username: 'carol', Password: 'Correct-Horse-9', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    });
    const first = storedCode('carol');
    let second = first;
    let answer;
    while (second === first) { // six random digits: a repeat is possible, so ask again
      answer = await emulator.call('ResendConfirmationCode', { ClientId: clientId, Username: 'carol' });
      second = storedCode('carol');
    }
    assert.deepEqual(answer.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'carol@example.com' });
    const stale = await emulator.send('ConfirmSignUp', { ClientId: clientId, Username: 'carol', ConfirmationCode: first });
    assert.equal(stale.body.__type, 'CodeMismatchException');
    await emulator.call('ConfirmSignUp', { ClientId: clientId, Username: 'carol', ConfirmationCode: second });
    const again = await emulator.send('ResendConfirmationCode', { ClientId: clientId, Username: 'carol' });
    assert.equal(again.body.__type, 'InvalidParameterException');
  });

  it('answers UserNotFoundException for an unknown user', async () => {
    const answer = await emulator.send('ResendConfirmationCode', { ClientId: clientId, Username: 'nobody' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.__type, 'UserNotFoundException');
  });
});
