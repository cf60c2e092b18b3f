// Encrypts Custom Email Sender codes with the official AWS Encryption SDK for JavaScript (@aws-crypto/client-node),
// the way Cognito and cognito-local do, with a fake KMS client that hands out a data key the test knows.
//
// Usage: node encrypt-codes.cjs '<json>'   (NODE_PATH must point at peers/node_modules)
//   json = { keyArn, dataKeyBase64, encryptedDataKeyBase64,
//            jobs: [{ format: "v1" | "v2" | "cognito-local", plaintext, userPoolId }] }
//   v1            = real Cognito: commitment policy FORBID_ENCRYPT_ALLOW_DECRYPT, suite 0x0378, context {"userpool-id": pool}
//   v2            = committing suite 0x0578 (message format v2), context {"userpool-id": pool}
//   cognito-local = exactly what cognito-local 5.3.0 does: REQUIRE_ENCRYPT_ALLOW_DECRYPT defaults (0x0578), no context
// Prints a JSON array of base64 messages, one per job, in order.
'use strict';
const { buildClient, CommitmentPolicy, AlgorithmSuiteIdentifier, KmsKeyringNode } = require('@aws-crypto/client-node');

async function main() {
  const input = JSON.parse(process.argv[2]);
  const dataKey = Buffer.from(input.dataKeyBase64, 'base64');
  const blob = Buffer.from(input.encryptedDataKeyBase64, 'base64');
  const keyArn = input.keyArn;

  // Stands in for the KMS client: GenerateDataKey returns the known key, wrapped as the known blob.
  const fakeKms = {
    generateDataKey: async (params) => {
      if (params.KeyId !== keyArn) throw new Error(`unexpected KeyId ${params.KeyId}`);
      return { KeyId: keyArn, Plaintext: new Uint8Array(dataKey), CiphertextBlob: new Uint8Array(blob) };
    },
    encrypt: async () => { throw new Error('the fake KMS only generates data keys'); },
    decrypt: async () => { throw new Error('the fake KMS only generates data keys'); },
  };
  const keyring = new KmsKeyringNode({ generatorKeyId: keyArn, clientProvider: () => fakeKms });

  const out = [];
  for (const job of input.jobs) {
    let result;
    if (job.format === 'v1') {
      const { encrypt } = buildClient(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);
      ({ result } = await encrypt(keyring, job.plaintext, {
        suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
        encryptionContext: { 'userpool-id': job.userPoolId },
        frameLength: 4096,
      }));
    } else if (job.format === 'v2') {
      const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
      ({ result } = await encrypt(keyring, job.plaintext, {
        suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384,
        encryptionContext: { 'userpool-id': job.userPoolId },
        frameLength: 4096,
      }));
    } else if (job.format === 'cognito-local') {
      const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
      ({ result } = await encrypt(keyring, job.plaintext));
    } else {
      throw new Error(`unknown format ${job.format}`);
    }
    out.push(result.toString('base64'));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => { console.error(err && err.stack ? err.stack : err); process.exit(1); });
