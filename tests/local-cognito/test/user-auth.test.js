// USER_AUTH choice-based sign-in, its code challenges, sign-in after ConfirmSignUp, GetUserAuthFactors, and the
// checks code-expiry, code-single-use and session-single-use (each run with the check on and off, so the test goes red
// when the check is switched off). CODE fixes cognito-local's one-time code (its otp service) so tests can answer.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withEmulator, createPool, createUser, freePort } = require('./support/passkeys-emulator');
const srpClient = require('./support/passkeys-srp-client');
const { startSenderPeers } = require('./support/passkeys-sender');
const { record, assertConforms } = require('./model-shapes.test.js');

const CODE = '482913';
const POOL = { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } } };
const CLIENT = { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] };

async function setup(emu, { pool = POOL, client = CLIENT, attributes } = {}) {
  const ids = await createPool(emu, { pool, client });
  const user = await createUser(emu, ids, { attributes });
  return { ...ids, ...user };
}

function start(emu, ctx, params = {}, extra = {}) {
  return emu.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: ctx.clientId, AuthParameters: { USERNAME: ctx.email, ...params }, ...extra });
}

function respond(emu, ctx, name, session, responses, extra = {}) {
  return emu.call('RespondToAuthChallenge', { ClientId: ctx.clientId, ChallengeName: name, Session: session, ChallengeResponses: { USERNAME: ctx.email, ...responses }, ...extra });
}

function assertTokens(out, ctx) {
  assert.ok(out.AuthenticationResult, `tokens expected, got ${JSON.stringify(out.ChallengeName)}`);
  const payload = JSON.parse(Buffer.from(out.AuthenticationResult.IdToken.split('.')[1], 'base64url'));
  assert.equal(payload.sub, ctx.username);
  assert.equal(out.AuthenticationResult.TokenType, 'Bearer');
}

test('USER_AUTH: SELECT_CHALLENGE lists what the pool allows and the user has; EMAIL_OTP, PASSWORD and PASSWORD_SRP sign in', async () => {
  await withEmulator({ env: { CODE } }, async (emu) => {
    const rec = record(emu.endpoint);
    try {
      const ctx = await setup(emu);
      const select = await start(emu, ctx);
      assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
      assert.deepEqual(select.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'], 'no phone number, no SMS_OTP');

      const otp = await respond(emu, ctx, 'SELECT_CHALLENGE', select.Session, { ANSWER: 'EMAIL_OTP' });
      assert.equal(otp.ChallengeName, 'EMAIL_OTP');
      assert.equal(otp.ChallengeParameters.CODE_DELIVERY_DELIVERY_MEDIUM, 'EMAIL');
      assert.match(otp.ChallengeParameters.CODE_DELIVERY_DESTINATION, /^.\*\*\*@.\*\*\*$/);
      await assert.rejects(respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: '000000' }), { code: 'CodeMismatchException' });
      assertTokens(await respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: CODE }), ctx);

      const select2 = await start(emu, ctx);
      await assert.rejects(respond(emu, ctx, 'SELECT_CHALLENGE', select2.Session, { ANSWER: 'PASSWORD', PASSWORD: 'Wrong-passw0rd' }), { code: 'NotAuthorizedException' });
      const select3 = await start(emu, ctx);
      assertTokens(await respond(emu, ctx, 'SELECT_CHALLENGE', select3.Session, { ANSWER: 'PASSWORD', PASSWORD: ctx.password }), ctx);

      assertTokens(await start(emu, ctx, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: ctx.password }), ctx);
      const asked = await start(emu, ctx, { PREFERRED_CHALLENGE: 'PASSWORD' });
      assert.equal(asked.ChallengeName, 'PASSWORD');
      assertTokens(await respond(emu, ctx, 'PASSWORD', asked.Session, { PASSWORD: ctx.password }), ctx);

      const srp = await srpClient.begin(ctx.poolId);
      const verifier = await start(emu, ctx, { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.srpA });
      assert.equal(verifier.ChallengeName, 'PASSWORD_VERIFIER');
      const answer = await srpClient.answer(srp, verifier.ChallengeParameters, ctx.password);
      const signedIn = await respond(emu, ctx, 'PASSWORD_VERIFIER', verifier.Session, answer);
      assertTokens(signedIn, ctx);
      assert.equal(signedIn.AuthenticationResult.NewDeviceMetadata, undefined);

      const srp2 = await srpClient.begin(ctx.poolId);
      const select4 = await start(emu, ctx);
      const verifier2 = await respond(emu, ctx, 'SELECT_CHALLENGE', select4.Session, { ANSWER: 'PASSWORD_SRP', SRP_A: srp2.srpA });
      assertTokens(await respond(emu, ctx, 'PASSWORD_VERIFIER', verifier2.Session, await srpClient.answer(srp2, verifier2.ChallengeParameters, ctx.password)), ctx);
      const srp3 = await srpClient.begin(ctx.poolId);
      const verifier3 = await start(emu, ctx, { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp3.srpA });
      await assert.rejects(respond(emu, ctx, 'PASSWORD_VERIFIER', verifier3.Session, await srpClient.answer(srp3, verifier3.ChallengeParameters, 'Wrong-passw0rd')), { code: 'NotAuthorizedException' });

      const factors = await emu.call('GetUserAuthFactors', { AccessToken: signedIn.AuthenticationResult.AccessToken });
      assert.deepEqual(factors.ConfiguredUserAuthFactors, ['PASSWORD', 'EMAIL_OTP']);
      assert.equal(factors.Username, ctx.username);
      await assert.rejects(emu.call('GetUserAuthFactors', { AccessToken: 'x.y.z' }), { code: 'NotAuthorizedException' });
      await assert.rejects(start(emu, ctx, { PREFERRED_CHALLENGE: 'SOMETHING' }), { code: 'InvalidParameterException' });
    } finally {
      rec.restore();
    }
    assertConforms(rec.seen, ['InitiateAuth', 'RespondToAuthChallenge', 'GetUserAuthFactors']);
  });
});

test('USER_AUTH: SMS_OTP for a user with a phone number; a factor the pool does not allow is not offered', async () => {
  await withEmulator({ env: { CODE } }, async (emu) => {
    const ctx = await setup(emu, { attributes: [{ Name: 'phone_number', Value: '+15555550123' }] });
    const sms = await start(emu, ctx, { PREFERRED_CHALLENGE: 'SMS_OTP' });
    assert.equal(sms.ChallengeName, 'SMS_OTP');
    assert.deepEqual(sms.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123' });
    assertTokens(await respond(emu, ctx, 'SMS_OTP', sms.Session, { SMS_OTP_CODE: CODE }), ctx);

    const strict = await setup(emu, { pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } } } });
    const select = await start(emu, strict, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    assert.equal(select.ChallengeName, 'SELECT_CHALLENGE', 'a preferred challenge that is not available falls back to the choice');
    assert.deepEqual(select.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP']);
    await assert.rejects(respond(emu, strict, 'SELECT_CHALLENGE', select.Session, { ANSWER: 'EMAIL_OTP' }), { code: 'InvalidParameterException' });
  });
});

test('USER_AUTH is refused for an app client without ALLOW_USER_AUTH; bad sign-in policies are refused', async () => {
  await withEmulator({}, async (emu) => {
    const ctx = await setup(emu, { client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } });
    await assert.rejects(start(emu, ctx), { code: 'InvalidParameterException', message: 'USER_AUTH flow not enabled for this client' });
    await assert.rejects(createPool(emu, { pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['MAGIC_LINK'] } } } }), { code: 'InvalidParameterException' });
    const described = await emu.call('DescribeUserPool', { UserPoolId: (await createPool(emu, { pool: POOL })).poolId });
    assert.deepEqual(described.UserPool.Policies.SignInPolicy, POOL.Policies.SignInPolicy);
  });
});

test('ConfirmSignUp returns a Session for a USER_AUTH sign-up, and InitiateAuth USER_AUTH with it signs in once', async () => {
  await withEmulator({ env: { CODE } }, async (emu) => {
    const rec = record(emu.endpoint);
    try {
    const ids = await createPool(emu, { pool: POOL, client: CLIENT });
    const email = 'fresh@example.com';
    const signUp = await emu.call('SignUp', { ClientId: ids.clientId, Username: email, Password: 'Passw0rd!x', UserAttributes: [{ Name: 'email', Value: email }] });
    assert.ok(signUp.Session && signUp.Session.length >= 20, 'SignUp returns a Session for a USER_AUTH client');
    await assert.rejects(emu.call('ConfirmSignUp', { ClientId: ids.clientId, Username: email, ConfirmationCode: CODE, Session: 'x'.repeat(40) }), { code: 'NotAuthorizedException' });
    const confirmed = await emu.call('ConfirmSignUp', { ClientId: ids.clientId, Username: email, ConfirmationCode: CODE, Session: signUp.Session });
    assert.ok(confirmed.Session);
    const ctx = { clientId: ids.clientId, email, username: signUp.UserSub };
    assertTokens(await start(emu, ctx, {}, { Session: confirmed.Session }), ctx);
    await assert.rejects(start(emu, ctx, {}, { Session: confirmed.Session }), { code: 'NotAuthorizedException' });

    const other = await createPool(emu, { pool: POOL, client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } });
    const plain = await emu.call('SignUp', { ClientId: other.clientId, Username: email, Password: 'Passw0rd!x', UserAttributes: [{ Name: 'email', Value: email }] });
    assert.equal(plain.Session, undefined, 'no Session without USER_AUTH');
    assert.deepEqual(await emu.call('ConfirmSignUp', { ClientId: other.clientId, Username: email, ConfirmationCode: CODE }), {});
    } finally {
      rec.restore();
    }
    assertConforms(rec.seen, ['SignUp', 'ConfirmSignUp', 'InitiateAuth']);
  });
});

test('EMAIL_OTP code goes through CustomEmailSender (CustomEmailSender_Authentication), KMS-encrypted with the userpool-id context, with the ClientMetadata', async () => {
  const peers = await startSenderPeers(freePort);
  try {
    await withEmulator({ config: peers.config }, async (emu) => {
      const ctx = await setup(emu);
      const otp = await start(emu, ctx, { PREFERRED_CHALLENGE: 'EMAIL_OTP' }, { ClientMetadata: { locale: 'pl' } });
      assert.equal(otp.ChallengeName, 'EMAIL_OTP');
      const sent = peers.events.filter((e) => e.event.triggerSource === 'CustomEmailSender_Authentication');
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0].event.request.clientMetadata, { locale: 'pl' });
      const { code, context } = await peers.decrypt(sent[0].event.request.code);
      assert.equal(context['userpool-id'], ctx.poolId);
      assert.match(code, /^\d{6}$/);
      assertTokens(await respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: code }), ctx);
    });
  } finally {
    await peers.stop();
  }
});

for (const off of [false, true]) {
  test(`code-expiry ${off ? 'OFF: a late code still signs in' : 'ON: a late code is ExpiredCodeException'}`, async () => {
    await withEmulator({ env: { CODE, LOCAL_COGNITO_CODE_SECONDS: '1' }, off: off ? ['code-expiry'] : [] }, async (emu) => {
      const ctx = await setup(emu);
      const otp = await start(emu, ctx, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
      await new Promise((r) => setTimeout(r, 1500));
      const late = respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: CODE });
      if (off) assertTokens(await late, ctx);
      else await assert.rejects(late, { code: 'ExpiredCodeException' });
    });
  });

  test(`code-single-use ${off ? 'OFF: a used code signs in again' : 'ON: a used code is refused'} (sessions reusable here, to reach the code)`, async () => {
    await withEmulator({ env: { CODE }, off: off ? ['session-single-use', 'code-single-use'] : ['session-single-use'] }, async (emu) => {
      const ctx = await setup(emu);
      const otp = await start(emu, ctx, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
      assertTokens(await respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: CODE }), ctx);
      const again = respond(emu, ctx, 'EMAIL_OTP', otp.Session, { EMAIL_OTP_CODE: CODE });
      if (off) assertTokens(await again, ctx);
      else await assert.rejects(again, { code: 'CodeMismatchException' });
    });
  });

  test(`session-single-use ${off ? 'OFF: a used session answers again' : 'ON: a used session is NotAuthorizedException'}`, async () => {
    await withEmulator({ off: off ? ['session-single-use'] : [] }, async (emu) => {
      const ctx = await setup(emu);
      const select = await start(emu, ctx);
      assertTokens(await respond(emu, ctx, 'SELECT_CHALLENGE', select.Session, { ANSWER: 'PASSWORD', PASSWORD: ctx.password }), ctx);
      const again = respond(emu, ctx, 'SELECT_CHALLENGE', select.Session, { ANSWER: 'PASSWORD', PASSWORD: ctx.password });
      if (off) assertTokens(await again, ctx);
      else await assert.rejects(again, { code: 'NotAuthorizedException', message: 'Invalid session for the user, session can only be used once.' });
    });
  });
}
