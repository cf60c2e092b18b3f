// The CustomEmailSender path as Cognito runs it, for the EMAIL_OTP test: moto_server as KMS (a real key to encrypt
// under), a loopback Lambda endpoint that records each invocation, the cognito-local config that points at both, and
// a decrypt with the AWS Encryption SDK (JS) that returns the code and its encryption context.
'use strict';
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

const peers = path.resolve(__dirname, '..', '..', '..', '..', 'peers', 'node_modules');
const { KMS, KMSClient, CreateKeyCommand } = require(path.join(peers, '@aws-sdk', 'client-kms'));
const esdk = require(path.join(peers, '@aws-crypto', 'client-node'));

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

async function startSenderPeers(freePort) {
  const motoPort = await freePort();
  const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(motoPort)], { stdio: 'ignore' });
  const kmsEndpoint = `http://127.0.0.1:${motoPort}`;
  const kms = new KMSClient({ endpoint: kmsEndpoint, region: 'us-east-1', credentials });
  let keyArn;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (moto.exitCode !== null) throw new Error('moto_server exited: is it installed (pip install moto[server])?');
    try {
      keyArn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata.Arn;
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`moto_server did not start: ${err.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const events = [];
  const lambda = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      events.push({ path: req.url, event: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  const lambdaPort = await freePort();
  await new Promise((r) => lambda.listen(lambdaPort, '127.0.0.1', r));
  const config = {
    TriggerFunctions: { CustomEmailSender: 'email-sender' },
    LambdaClient: { endpoint: `http://127.0.0.1:${lambdaPort}`, region: 'us-east-1', credentials },
    KMSConfig: { KMSKeyId: keyArn, KMSKeyAlias: keyArn, endpoint: kmsEndpoint, region: 'us-east-1', credentials },
  };
  const { decrypt } = esdk.buildClient(esdk.CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
  const keyring = new esdk.KmsKeyringNode({ keyIds: [keyArn], clientProvider: () => new KMS({ endpoint: kmsEndpoint, region: 'us-east-1', credentials }) });
  return {
    config,
    events,
    async decrypt(base64) {
      const { plaintext, messageHeader } = await decrypt(keyring, Buffer.from(base64, 'base64'));
      return { code: plaintext.toString('utf8'), context: messageHeader.encryptionContext };
    },
    async stop() {
      await new Promise((r) => lambda.close(r));
      const exited = new Promise((r) => moto.once('exit', r));
      moto.kill();
      await exited;
    },
  };
}

module.exports = { startSenderPeers };
