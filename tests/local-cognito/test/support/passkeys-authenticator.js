// A small software authenticator for node tests: ES256 (P-256) keys from node:crypto, 'none' attestation, and the
// authenticatorData / clientDataJSON layouts of WebAuthn Level 2 (§6.1 authenticator data: rpIdHash, flags UP/UV/AT,
// signCount, attested credential data with a COSE_Key; §5.8.1 client data; §6.5.4 'none' attestation object).
// Each call can be bent (another origin, RP id or counter) to make the negative cases.
'use strict';
const crypto = require('crypto');

// Minimal CBOR (RFC 8949) encoder: unsigned/negative integers, byte strings, text strings, maps.
function head(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
function cbor(value) {
  if (Number.isInteger(value)) return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === 'string') {
    const b = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, b.length), b]);
  }
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: unsupported ${typeof value}`);
}

const sha256 = (b) => crypto.createHash('sha256').update(b).digest();
const b64u = (b) => Buffer.from(b).toString('base64url');

function createAuthenticator() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = crypto.randomBytes(16);
  const userHandles = new Map();
  let counter = 0;

  function clientData(type, challenge, origin) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** navigator.credentials.create: options are the CredentialCreationOptions document. */
  function create(options, { origin, rpId = options.rp.id, userVerified = true } = {}) {
    const coseKey = cbor(new Map([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const flags = 0x01 | (userVerified ? 0x04 : 0) | 0x40;
    const authData = Buffer.concat([sha256(Buffer.from(rpId, 'utf8')), Buffer.from([flags]), count, Buffer.alloc(16), idLength, credentialId, coseKey]);
    const attestationObject = cbor(new Map([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    userHandles.set(rpId, options.user.id);
    return {
      id: b64u(credentialId),
      rawId: b64u(credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64u(clientData('webauthn.create', options.challenge, origin)), attestationObject: b64u(attestationObject), transports: ['internal'] },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get: options are the CREDENTIAL_REQUEST_OPTIONS document. */
  function get(options, { origin, rpId = options.rpId, userVerified = true, signCount } = {}) {
    counter = signCount === undefined ? counter + 1 : signCount;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const authData = Buffer.concat([sha256(Buffer.from(rpId, 'utf8')), Buffer.from([0x01 | (userVerified ? 0x04 : 0)]), count]);
    const cd = clientData('webauthn.get', options.challenge, origin);
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(cd)]), privateKey);
    return {
      id: b64u(credentialId),
      rawId: b64u(credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64u(cd), authenticatorData: b64u(authData), signature: b64u(signature), userHandle: userHandles.get(rpId) },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  return { create, get, credentialId: b64u(credentialId), counter: () => counter };
}

module.exports = { createAuthenticator, cbor };
