// Decrypts one message with the official JS ESDK (@aws-crypto/client-node from peers/) in a loop and prints
// {"wall": msgs per second, "cpu": msgs per CPU-second}. Used by the esdk benchmark as the JS reference point.
// Usage: node js-decrypt-rate.cjs <peers/node_modules> <message b64> <aes key b64> <seconds>
'use strict';
const path = require('path');
const { buildClient, CommitmentPolicy, RawAesKeyringNode, RawAesWrappingSuiteIdentifier } = require(path.join(process.argv[2], '@aws-crypto', 'client-node'));

const message = Buffer.from(process.argv[3], 'base64');
const key = Buffer.from(process.argv[4], 'base64');
const seconds = Number(process.argv[5]);
const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
const keyring = new RawAesKeyringNode({
  keyNamespace: 'bench',
  keyName: 'cognito-aes',
  unencryptedMasterKey: new Uint8Array(key),
  wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  utf8Sorting: true,
});

async function loop(ms) {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let n = 0;
  while (Number(process.hrtime.bigint() - start) / 1e6 < ms) {
    const { plaintext } = await decrypt(keyring, message);
    if (plaintext.length !== 6) throw new Error('wrong plaintext');
    n++;
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { wall: n / wall, cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

(async () => {
  await loop(700);
  process.stdout.write(JSON.stringify(await loop(seconds * 1000)));
})().catch((e) => { console.error(e); process.exit(1); });
