// Check global-sign-out (extensions/global-sign-out.js): after GlobalSignOut / AdminUserGlobalSignOut the user's old
// access token is refused ("Access Token has been revoked") and the old refresh token no longer refreshes; tokens
// from a later sign-in work. With the check switched off, both actions answer {} and the old tokens keep working.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, createPoolWithUser, signIn } = require('../support/emulator');

for (const on of [true, false]) {
  describe(`global-sign-out ${on ? 'on' : 'off'}`, () => {
    let emulator;
    let user;
    before(async () => {
      emulator = await startEmulator({ off: on ? [] : ['global-sign-out'] });
      user = await createPoolWithUser(emulator);
    });
    after(() => emulator?.stop());

    const refresh = (refreshToken) => emulator.send('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: user.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken },
    });

    const assertSignedOut = async (old) => {
      const getUser = await emulator.send('GetUser', { AccessToken: old.AccessToken });
      const refreshed = await refresh(old.RefreshToken);
      if (on) {
        assert.equal(getUser.status, 400, JSON.stringify(getUser.body));
        assert.equal(getUser.body.__type, 'NotAuthorizedException');
        assert.equal(getUser.body.message, 'Access Token has been revoked');
        assert.equal(refreshed.status, 400, JSON.stringify(refreshed.body));
        assert.equal(refreshed.body.__type, 'NotAuthorizedException');
      } else {
        assert.equal(getUser.status, 200, JSON.stringify(getUser.body));
        assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      }
      const fresh = await signIn(emulator, user);
      assert.equal((await emulator.send('GetUser', { AccessToken: fresh.AccessToken })).status, 200);
      assert.equal((await refresh(fresh.RefreshToken)).status, 200);
    };

    it(`GlobalSignOut ${on ? 'revokes' : 'leaves'} the user's access and refresh tokens`, async () => {
      const old = await signIn(emulator, user);
      const other = await signIn(emulator, user); // a second session of the same user goes too
      assert.deepEqual(await emulator.call('GlobalSignOut', { AccessToken: old.AccessToken }), {});
      await assertSignedOut(other);
      await assertSignedOut(old);
    });

    it(`AdminUserGlobalSignOut ${on ? 'revokes' : 'leaves'} the user's access and refresh tokens`, async () => {
      const old = await signIn(emulator, user);
      assert.deepEqual(await emulator.call('AdminUserGlobalSignOut', { UserPoolId: user.poolId, Username: user.username }), {});
      await assertSignedOut(old);
    });

    it('AdminUserGlobalSignOut for an unknown user answers UserNotFoundException', async () => {
      const answer = await emulator.send('AdminUserGlobalSignOut', { UserPoolId: user.poolId, Username: 'nobody' });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.__type, 'UserNotFoundException');
    });
  });
}
