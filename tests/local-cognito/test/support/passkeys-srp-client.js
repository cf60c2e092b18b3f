// An independent SRP client for raw calls: amazon-cognito-identity-js's own AuthenticationHelper computes SRP_A and
// the PASSWORD_CLAIM_SIGNATURE (the emulator's lib/srp.js is not used on the client side).
'use strict';
const { Buffer } = require('buffer');
const crypto = require('crypto');
const { identity } = require('./passkeys-identity-js');
const BigInteger = require(require('path').resolve(__dirname, '..', '..', '..', '..', 'peers', 'node_modules', 'amazon-cognito-identity-js', 'lib', 'BigInteger.js')).default;

function timestamp(now = new Date()) {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n) => String(n).padStart(2, '0');
  return `${days[now.getUTCDay()]} ${months[now.getUTCMonth()]} ${now.getUTCDate()} ${p(now.getUTCHours())}:${p(now.getUTCMinutes())}:${p(now.getUTCSeconds())} UTC ${now.getUTCFullYear()}`;
}

/** { helper, srpA } for a pool id ("local_AbC" → group "AbC"). */
async function begin(poolId) {
  const helper = new identity.AuthenticationHelper(poolId.split('_')[1]);
  const A = await new Promise((resolve, reject) => helper.getLargeAValue((e, a) => (e ? reject(e) : resolve(a))));
  return { helper, srpA: A.toString(16), group: poolId.split('_')[1] };
}

/** The PASSWORD_VERIFIER ChallengeResponses for challenge parameters and a password. */
async function answer({ helper, group }, params, password, now = new Date()) {
  const key = await new Promise((resolve, reject) => helper.getPasswordAuthenticationKey(
    params.USER_ID_FOR_SRP, password, new BigInteger(params.SRP_B, 16), new BigInteger(params.SALT, 16), (e, k) => (e ? reject(e) : resolve(k))));
  const ts = timestamp(now);
  const signature = crypto.createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(group, 'utf8'), Buffer.from(params.USER_ID_FOR_SRP, 'utf8'), Buffer.from(params.SECRET_BLOCK, 'base64'), Buffer.from(ts, 'utf8')]))
    .digest('base64');
  return { USERNAME: params.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK, TIMESTAMP: ts, PASSWORD_CLAIM_SIGNATURE: signature };
}

module.exports = { begin, answer, timestamp };
