// extensions/wrong-password-not-authorized.js: a wrong password answers NotAuthorizedException "Incorrect username or
// password." at sign-in and password change (cognito-local alone answers InvalidPasswordException).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, createPoolWithUser, signIn } = require('../support/emulator');

describe('wrong password', () => {
  let emulator;
  let user;
  before(async () => {
    emulator = await startEmulator();
    user = await createPoolWithUser(emulator);
  });
  after(() => emulator?.stop());

  const notAuthorized = (answer) => {
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.__type, 'NotAuthorizedException');
    assert.equal(answer.body.message, 'Incorrect username or password.');
  };

  it('InitiateAuth', async () => notAuthorized(await emulator.send('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId, AuthParameters: { USERNAME: user.username, PASSWORD: 'Wrong-Horse-9' },
  })));

  it('AdminInitiateAuth', async () => notAuthorized(await emulator.send('AdminInitiateAuth', {
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: user.poolId, ClientId: user.clientId,
    AuthParameters: { USERNAME: user.username, PASSWORD: 'Wrong-Horse-9' },
  })));

  it('ChangePassword', async () => {
    const { AccessToken } = await signIn(emulator, user);
    notAuthorized(await emulator.send('ChangePassword', { AccessToken, PreviousPassword: 'Wrong-Horse-9', ProposedPassword: 'New-Horse-10' }));
  });
});
