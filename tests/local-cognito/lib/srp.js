// SRP-6a as Cognito runs it (server side). Facts from the Cognito developer guide ("SRP authentication flow":
// USER_SRP_AUTH sends SRP_A; Cognito answers PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK and USER_ID_FOR_SRP; the
// client answers PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK and TIMESTAMP) and RFC 5054 (the 3072-bit group,
// g = 2, k = H(N | g), u = H(A | B)). Cognito's key derivation: x = H(salt | H(poolName | userId | ":" | password)),
// K = HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key")[0..16], signature = HMAC-SHA256(K, poolName |
// userId | secretBlock | timestamp), timestamp "ddd MMM D HH:mm:ss UTC YYYY". Devices use the same math with the
// device group key in place of the pool name and the device key in place of the user id.
'use strict';
const crypto = require('crypto');

// RFC 5054 appendix A, 3072-bit group.
const N = BigInt('0x' + [
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD',
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED',
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F',
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B',
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510',
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7',
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C',
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
].join(''));
const g = 2n;

// Two's-complement, even-length hex (Java BigInteger.toByteArray), as Cognito hashes numbers.
function padHex(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (/^[89a-f]/i.test(hex)) hex = '00' + hex;
  return hex;
}
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest();
const hexHash = (hex) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const k = BigInt('0x' + hexHash(padHex(N) + padHex(g)));

function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    exp >>= 1n;
    base = (base * base) % mod;
  }
  return result;
}
const randomBig = (bytes) => BigInt('0x' + crypto.randomBytes(bytes).toString('hex'));

/** x = H(salt | H(group | id | ":" | secret)) as Cognito derives it; saltHex is the padded hex form. */
function privateKey(group, id, secret, saltHex) {
  const inner = sha256(Buffer.from(`${group}${id}:${secret}`, 'utf8')).toString('hex');
  return BigInt('0x' + hexHash(padHex(BigInt('0x' + saltHex)) + inner));
}

/** A new verifier { saltHex, verifierHex } for group/id/secret (the user pool name, user id and password). */
function createVerifier(group, id, secret) {
  const saltHex = padHex(randomBig(16));
  const v = modPow(g, privateKey(group, id, secret, saltHex), N);
  return { saltHex, verifierHex: padHex(v) };
}

/** True when the stored verifier was made from this secret. */
function verifierMatches(group, id, secret, stored) {
  if (!stored || !stored.saltHex || !stored.verifierHex) return false;
  return modPow(g, privateKey(group, id, secret, stored.saltHex), N) === BigInt('0x' + stored.verifierHex);
}

/** The server's first step: b and B = k*v + g^b for the stored verifier. */
function serverStart(verifierHex) {
  const v = BigInt('0x' + verifierHex);
  let b;
  let B;
  do {
    b = randomBig(128) % N;
    B = (k * v + modPow(g, b, N)) % N;
  } while (B === 0n);
  return { bHex: b.toString(16), BHex: B.toString(16) };
}

/** Cognito's TIMESTAMP grammar: "Tue Sep 9 08:05:09 UTC 2025" (day of month not padded). */
const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$/;
function parseTimestamp(text) {
  const m = TIMESTAMP.exec(text || '');
  if (!m) return null;
  const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  const date = new Date(Date.UTC(+m[7], months.indexOf(m[2]) / 3, +m[3], +m[4], +m[5], +m[6]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  return weekday === m[1] && date.getUTCDate() === +m[3] ? date : null;
}

/**
 * Verifies PASSWORD_CLAIM_SIGNATURE. Returns true only when the client proved knowledge of the secret behind
 * verifierHex for this A, B, secret block and timestamp.
 */
function verifyClaim({ group, id, AHex, bHex, BHex, verifierHex, secretBlock, timestamp, signature }) {
  if (!/^[0-9a-fA-F]+$/.test(AHex || '')) return false;
  const A = BigInt('0x' + AHex);
  if (A % N === 0n) return false;
  const B = BigInt('0x' + BHex);
  const u = BigInt('0x' + hexHash(padHex(A) + padHex(B)));
  if (u === 0n) return false;
  const v = BigInt('0x' + verifierHex);
  const S = modPow((A * modPow(v, u, N)) % N, BigInt('0x' + bHex), N);
  const prk = crypto.createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const key = crypto.createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
  const expected = crypto.createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(group, 'utf8'), Buffer.from(id, 'utf8'), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp, 'utf8')]))
    .digest();
  let given;
  try {
    given = Buffer.from(signature || '', 'base64');
  } catch {
    return false;
  }
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

// "Amazon Cognito requires that your application respond to this challenge within a few seconds" (API reference,
// RespondToAuthChallenge, PASSWORD_VERIFIER); the emulator allows five minutes of clock difference either way.
const SKEW_MS = 5 * 60 * 1000;

/** True when TIMESTAMP is in Cognito's grammar and within the allowed clock difference of now. */
function timestampFresh(text, now = Date.now()) {
  const date = parseTimestamp(text);
  return !!date && Math.abs(now - date.getTime()) <= SKEW_MS;
}

module.exports = { N, g, k, padHex, modPow, createVerifier, verifierMatches, serverStart, verifyClaim, parseTimestamp, timestampFresh };
