// Writes fresh AWS Encryption SDK messages with the official JS ESDK (@aws-crypto/client-node, pinned in
// peers/package-lock.json) for the .NET reader to decrypt. Usage: node esdk-generate.cjs <peers/node_modules>
// Prints one JSON document: { aesKeyB64, kmsArn, messages: [{ name, suite, frameLength, keyring, context,
// kmsContext, plaintextB64, messageB64 }] }. The fake KMS blob is "FAKEKMS1" || (data key XOR 0x5A).
'use strict';
const path = require('path');
const crypto = require('crypto');
const esdk = require(path.join(process.argv[2], '@aws-crypto', 'client-node'));
const { buildClient, CommitmentPolicy, RawAesKeyringNode, RawAesWrappingSuiteIdentifier, KmsKeyringNode } = esdk;

const kmsArn = 'arn:aws:kms:eu-west-1:111122223333:key/5f1c0a44-7d3e-4b52-9a7c-0c1d2e3f4a5b';
const aesKey = crypto.randomBytes(32);
const v1 = [0x0014, 0x0046, 0x0078, 0x0114, 0x0146, 0x0178, 0x0214, 0x0346, 0x0378];
const v2 = [0x0478, 0x0578];
const forbid = buildClient(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);
const require_ = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

function aesKeyring() {
  return new RawAesKeyringNode({
    keyNamespace: 'exanubes-tests',
    keyName: 'aes-256-cross',
    unencryptedMasterKey: new Uint8Array(aesKey),
    wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
    utf8Sorting: true,
  });
}

function kmsKeyring(captured) {
  const blob = (dk) => Buffer.concat([Buffer.from('FAKEKMS1'), Buffer.from(dk.map((b) => b ^ 0x5a))]);
  const client = {
    generateDataKey: async ({ KeyId, NumberOfBytes, EncryptionContext }) => {
      captured.context = EncryptionContext;
      const dk = crypto.randomBytes(NumberOfBytes);
      return { KeyId: kmsArn, Plaintext: new Uint8Array(dk), CiphertextBlob: new Uint8Array(blob(dk)) };
    },
    encrypt: async ({ Plaintext, EncryptionContext }) => {
      captured.context = EncryptionContext;
      return { KeyId: kmsArn, CiphertextBlob: new Uint8Array(blob(Buffer.from(Plaintext))) };
    },
    decrypt: async () => { throw new Error('not used'); },
  };
  return new KmsKeyringNode({ generatorKeyId: kmsArn, clientProvider: () => client });
}

const contexts = [
  {},
  { 'userpool-id': 'eu-west-1_AbCdEfGhI' },
  { 'userpool-id': 'eu-west-1_AbCdEfGhI', tenant: 'acme', purpose: 'sign-up', 'z-last': 'z', 'a-first': 'é ü 漢字' },
  Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key-${String(i).padStart(2, '0')}`, 'v'.repeat(i * 7)])),
];

function plaintexts(frameLength) {
  return [
    ['empty', Buffer.alloc(0)],
    ['code', Buffer.from('493817')],
    ['one-frame', crypto.randomBytes(frameLength)],
    ['several-frames', crypto.randomBytes(frameLength * 3 + 5)],
  ];
}

async function main() {
  const messages = [];
  let i = 0;
  const add = async (suite, frameLength, ptName, plaintext, context, keyringName) => {
    const client = v2.includes(suite) ? require_ : forbid;
    const captured = {};
    const keyring = keyringName === 'kms' ? kmsKeyring(captured) : aesKeyring();
    const { result } = await client.encrypt(keyring, plaintext, { suiteId: suite, encryptionContext: context, frameLength });
    messages.push({
      name: `${keyringName}-${suite.toString(16).padStart(4, '0')}-fl${frameLength}-${ptName}-ec${Object.keys(context).length}`,
      suite, frameLength, keyring: keyringName, context, kmsContext: captured.context ?? null,
      plaintextB64: plaintext.toString('base64'), messageB64: Buffer.from(result).toString('base64'),
    });
  };

  for (const suite of [...v1, ...v2]) {
    for (const frameLength of [1, 16, 4096]) {
      for (const [ptName, plaintext] of plaintexts(frameLength)) {
        await add(suite, frameLength, ptName, plaintext, contexts[i++ % contexts.length], 'aes');
      }
    }

    for (const context of contexts) {
      await add(suite, 4096, 'code', Buffer.from('493817'), context, 'kms');
    }

    await add(suite, 4096, 'several-frames', crypto.randomBytes(4096 * 2 + 7), contexts[1], 'kms');
  }

  process.stdout.write(JSON.stringify({ aesKeyB64: aesKey.toString('base64'), kmsArn, messages }));
}

main().catch((e) => { console.error(e); process.exit(1); });
