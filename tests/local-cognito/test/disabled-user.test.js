// Check disabled-user (extensions/disabled-user.js): after AdminDisableUser the user cannot sign in. With the check
// switched off, cognito-local's own behaviour returns: the disabled user signs in.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, createPoolWithUser, signIn } = require('../support/emulator');

for (const on of [true, false]) {
  describe(`disabled-user ${on ? 'on' : 'off'}`, () => {
    let emulator;
    let user;
    let refreshToken;
    before(async () => {
      emulator = await startEmulator({ off: on ? [] : ['disabled-user'] });
      user = await createPoolWithUser(emulator);
      refreshToken = (await signIn(emulator, user)).RefreshToken;
      await emulator.call('AdminDisableUser', { UserPoolId: user.poolId, Username: user.username });
    });
    after(() => emulator?.stop());

    const refused = async (action, body) => {
      const { status, body: answer } = await emulator.send(action, body);
      if (on) {
        assert.equal(status, 400, JSON.stringify(answer));
        assert.equal(answer.__type, 'NotAuthorizedException');
        assert.equal(answer.message, 'User is disabled.');
      } else {
        assert.equal(status, 200, JSON.stringify(answer));
        assert.ok(answer.AuthenticationResult?.AccessToken);
      }
    };

    it(`InitiateAuth USER_PASSWORD_AUTH ${on ? 'is refused' : 'signs in'}`, () => refused('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId, AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }));

    it(`AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH ${on ? 'is refused' : 'signs in'}`, () => refused('AdminInitiateAuth', {
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: user.poolId, ClientId: user.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }));

    it(`REFRESH_TOKEN_AUTH ${on ? 'is refused' : 'refreshes'}`, () => refused('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: user.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken },
    }));

    it(`RespondToAuthChallenge NEW_PASSWORD_REQUIRED ${on ? 'is refused' : 'signs in'}`, async () => {
      await emulator.call('AdminCreateUser', {
        UserPoolId: user.poolId, Username: 'bob', TemporaryPassword: 'Temporary-Pass-1', MessageAction: 'SUPPRESS',
      });
      const { Session } = await emulator.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH', ClientId: user.clientId, AuthParameters: { USERNAME: 'bob', PASSWORD: 'Temporary-Pass-1' },
      });
      await emulator.call('AdminDisableUser', { UserPoolId: user.poolId, Username: 'bob' });
      await refused('RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: user.clientId, Session,
        ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: 'Brand-New-Pass-2' },
      });
    });

    it('AdminEnableUser lets the user sign in again', async () => {
      await emulator.call('AdminEnableUser', { UserPoolId: user.poolId, Username: user.username });
      assert.ok((await signIn(emulator, user)).AccessToken);
    });
  });
}
