// Writes suite-codes.json: the code "123456" encrypted by the official JS Encryption SDK under each named algorithm
// suite, with the data key and encrypted data key of tests/.../Support/FakeKeyManagementService.cs and the encryption
// context userpool-id = eu-west-1_TestPool1. Run from the repo root after `(cd peers && npm ci)`:
//   node tests/Exanubes.Cognito.EmailSender.Tests/CodeDecryption/Fixtures/make-suite-codes.js
const path = require('path');
const fs = require('fs');
const peers = path.resolve(__dirname, '../../../../peers/node_modules');
const { buildClient, CommitmentPolicy, AlgorithmSuiteIdentifier, KmsKeyringNode } = require(path.join(peers, '@aws-crypto/client-node'));

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const dataKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const encryptedDataKey = Buffer.from('fake-kms-ciphertext-blob:exanubes-tests');
const fakeKms = {
  config: { region: 'eu-west-1' },
  generateDataKey: async ({ KeyId, NumberOfBytes }) => ({ KeyId, Plaintext: dataKey.slice(0, NumberOfBytes), CiphertextBlob: encryptedDataKey }),
  encrypt: async () => { throw new Error('only one key'); },
  decrypt: async () => ({ KeyId: keyArn, Plaintext: dataKey }),
};

const suites = {
  '0x0178': [AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA256, CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT],
  '0x0378': [AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384, CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT],
  '0x0478': [AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY, CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT],
  '0x0578': [AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT],
};

(async () => {
  const out = {};
  for (const [name, [suiteId, policy]] of Object.entries(suites)) {
    const { encrypt } = buildClient(policy);
    const keyring = new KmsKeyringNode({ generatorKeyId: keyArn, clientProvider: () => fakeKms });
    const { result } = await encrypt(keyring, Buffer.from('123456'), { suiteId, encryptionContext: { 'userpool-id': 'eu-west-1_TestPool1' } });
    out[name] = result.toString('base64');
  }
  fs.writeFileSync(path.join(__dirname, 'suite-codes.json'), JSON.stringify(out, null, 2) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
