// The user half of Cognito's SRP sign-in, shared by USER_SRP_AUTH and USER_AUTH's PASSWORD_SRP: the PASSWORD_VERIFIER
// challenge and its proof (see lib/srp.js for the math and its sources).
//
// Check `srp-proof`: "PASSWORD_VERIFIER: Respond with the second stage of SRP secrets as PASSWORD_CLAIM_SIGNATURE,
// PASSWORD_CLAIM_SECRET_BLOCK, and TIMESTAMP" (API reference, InitiateAuth ChallengeName); a proof that does not come
// from the user's password is NotAuthorizedException "Incorrect username or password." (InitiateAuth errors).
// LOCAL_COGNITO_OFF=srp-proof accepts any proof (what moto does).
'use strict';
const crypto = require('crypto');
const srp = require('./srp');
const { challenge, poolName } = require('./auth');

function verifierOf(userPool, user) {
  if (user.SrpVerifier) return user.SrpVerifier;
  if (!user.Password) return null;
  return srp.createVerifier(poolName(userPool), user.Username, user.Password);
}

/** PASSWORD_VERIFIER for SRP_A (the state carries the server secret b for the proof). */
function start(env, userPool, user, srpA, state) {
  const { InvalidParameterError, NotAuthorizedError } = env.errors;
  if (!srpA) throw new InvalidParameterError('Missing required parameter SRP_A');
  if (!/^[0-9a-fA-F]+$/.test(srpA) || BigInt('0x' + srpA) % srp.N === 0n) throw new InvalidParameterError('SRP_A is not a valid SRP value.');
  const verifier = verifierOf(userPool, user);
  if (!verifier) throw new NotAuthorizedError('Incorrect username or password.');
  const { bHex, BHex } = srp.serverStart(verifier.verifierHex);
  const secretBlock = crypto.randomBytes(64).toString('base64');
  return challenge('PASSWORD_VERIFIER', {
    SALT: verifier.saltHex,
    SECRET_BLOCK: secretBlock,
    SRP_B: BHex,
    USERNAME: user.Username,
    USER_ID_FOR_SRP: user.Username,
  }, { ...state, username: user.Username, srp: { AHex: srpA, bHex, BHex, verifierHex: verifier.verifierHex, secretBlock } });
}

/** Throws NotAuthorizedException unless the PASSWORD_VERIFIER answer proves the password. */
function verify(env, userPool, state, responses) {
  const { NotAuthorizedError } = env.errors;
  if (!env.enabled('srp-proof')) return;
  const s = state.srp;
  const ok = srp.timestampFresh(responses.TIMESTAMP)
    && responses.PASSWORD_CLAIM_SECRET_BLOCK === s.secretBlock
    && srp.verifyClaim({
      group: poolName(userPool),
      id: state.username,
      AHex: s.AHex,
      bHex: s.bHex,
      BHex: s.BHex,
      verifierHex: s.verifierHex,
      secretBlock: s.secretBlock,
      timestamp: responses.TIMESTAMP,
      signature: responses.PASSWORD_CLAIM_SIGNATURE,
    });
  if (!ok) throw new NotAuthorizedError('Incorrect username or password.');
}

module.exports = { start, verify, verifierOf };
