// Check access-token-signature (extensions/access-token-signature.js): token-authorized actions refuse an access token
// with a forged signature, an expired one and an ID token. With the check switched off, cognito-local only decodes
// the token and GetUser answers for the forged and expired ones.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startEmulator, createPoolWithUser, signIn } = require('../support/emulator');

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const decode = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

/** A token with the given payload, signed RS256 with a key the emulator never saw (same kid). */
function forge(payload) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64url(payload)}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

for (const on of [true, false]) {
  describe(`access-token-signature ${on ? 'on' : 'off'}`, () => {
    let emulator;
    let tokens;
    before(async () => {
      emulator = await startEmulator({ off: on ? [] : ['access-token-signature'] });
      tokens = await signIn(emulator, await createPoolWithUser(emulator));
    });
    after(() => emulator?.stop());

    const getUser = (accessToken) => emulator.send('GetUser', { AccessToken: accessToken });
    const refused = (answer, message) => {
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.body.__type, 'NotAuthorizedException');
      assert.equal(answer.body.message, message);
    };

    it('GetUser answers for the genuine access token', async () => {
      const answer = await getUser(tokens.AccessToken);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.Username, 'alice');
    });

    it(`GetUser ${on ? 'refuses' : 'accepts'} a token signed with another key`, async () => {
      const answer = await getUser(forge(decode(tokens.AccessToken)));
      if (on) refused(answer, 'Invalid Access Token');
      else assert.equal(answer.status, 200, JSON.stringify(answer.body));
    });

    it(`GetUser ${on ? 'refuses' : 'accepts'} a token whose payload was altered after signing`, async () => {
      const [header, , signature] = tokens.AccessToken.split('.');
      const altered = `${header}.${b64url({ ...decode(tokens.AccessToken), scope: 'aws.cognito.signin.user.admin admin' })}.${signature}`;
      const answer = await getUser(altered);
      if (on) refused(answer, 'Invalid Access Token');
      else assert.equal(answer.status, 200, JSON.stringify(answer.body));
    });

    it(`GetUser ${on ? 'refuses' : 'accepts'} an expired token`, async () => {
      // Signed with the emulator's own key (as cognito-local ships it), one hour past its expiry.
      const jwt = require(require.resolve('jsonwebtoken', { paths: [require('../start').cognitoLocalDir()] }));
      const pem = require(require('path').join(require('../start').cognitoLocalDir(), 'lib', 'keys', 'cognitoLocal.private.json')).pem;
      const { exp, iat, ...claims } = decode(tokens.AccessToken);
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign({ ...claims, iat: now - 7200, exp: now - 3600 }, pem, { algorithm: 'RS256', keyid: 'CognitoLocal' });
      const answer = await getUser(expired);
      if (on) refused(answer, 'Access Token has expired');
      else assert.equal(answer.status, 200, JSON.stringify(answer.body));
    });

    it(`ChangePassword ${on ? 'refuses' : 'accepts'} a forged token`, async () => {
      const answer = await emulator.send('ChangePassword', {
        AccessToken: forge(decode(tokens.AccessToken)), PreviousPassword: 'Correct-Horse-9', ProposedPassword: 'Correct-Horse-9',
      });
      if (on) refused(answer, 'Invalid Access Token');
      else assert.equal(answer.status, 200, JSON.stringify(answer.body));
    });

    if (on) {
      it('GetUser refuses an ID token', async () => refused(await getUser(tokens.IdToken), 'Invalid Access Token'));
    }
  });
}
