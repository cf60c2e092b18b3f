// The seed's Custom Email Sender work in Node, as a Lambda custom runtime so the coldstart bench times it exactly like
// the .NET senders (spawn -> first response posted to the loopback Runtime API host): poll invocation/next, decrypt the
// code with the official JS Encryption SDK (@aws-crypto/client-node, KMS keyring, @aws-sdk/client-kms against the
// loopback KMS stand-in), render the sign-up/reset/code email, POST it to SendGrid's v3 mail/send (the loopback
// stand-in), post the response. Node's own http client; no framework. Environment: the same variables the .NET sender
// reads (EmailSender__*, SendGrid__*, AWS_*), plus PEERS_NODE_MODULES (peers/node_modules).
'use strict';
const path = require('path');
const http = require('http');
const nm = process.env.PEERS_NODE_MODULES;
const { buildClient, CommitmentPolicy, KmsKeyringNode } = require(path.join(nm, '@aws-crypto', 'client-node'));
const { KMS } = require(path.join(nm, '@aws-sdk', 'client-kms'));

const env = process.env;
const runtime = `http://${env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
const keyArn = env.EmailSender__KmsKeyArn;
const appUrl = env.EmailSender__AppUrl;
const sendGrid = new URL('/v3/mail/send', env.SendGrid__BaseUrl);
const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
const kms = new KMS({ region: env.AWS_REGION, endpoint: env.EmailSender__KmsServiceUrl });
const keyring = new KmsKeyringNode({ keyIds: [keyArn], clientProvider: () => kms });

function request(method, url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function render(event, code) {
  const user = encodeURIComponent(event.userName);
  const c = encodeURIComponent(code);
  switch (event.triggerSource) {
    case 'CustomEmailSender_SignUp':
    case 'CustomEmailSender_ResendCode': {
      const link = `${appUrl}/verify?code=${c}&username=${user}`;
      return { subject: 'Verify your email', text: `Verify your email: ${link}`, html: `<p>Verify your email: <a href="${escape(link)}">${escape(link)}</a></p>` };
    }
    case 'CustomEmailSender_ForgotPassword': {
      const link = `${appUrl}/reset-password?code=${c}&username=${user}`;
      return { subject: 'Reset your password', text: `Reset your password: ${link}`, html: `<p>Reset your password: <a href="${escape(link)}">${escape(link)}</a></p>` };
    }
    case 'CustomEmailSender_AdminCreateUser':
      return { subject: 'Your temporary password', text: `Username ${event.userName}, temporary password ${code}. Sign in at ${appUrl}`, html: `<p>Username ${escape(event.userName)}, temporary password ${escape(code)}. Sign in at ${escape(appUrl)}</p>` };
    default:
      return { subject: 'Your verification code', text: `Your code is ${code}`, html: `<p>Your code is <b>${escape(code)}</b></p>` };
  }
}

async function handle(event) {
  const { plaintext, messageHeader } = await decrypt(keyring, Buffer.from(event.request.code, 'base64'));
  if (messageHeader.encryptionContext['userpool-id'] !== event.userPoolId) throw new Error('userpool-id mismatch');
  const code = plaintext.toString('utf8');
  const mail = render(event, code);
  const body = JSON.stringify({
    personalizations: [{ to: [{ email: event.request.userAttributes.email }] }],
    from: { email: env.EmailSender__FromAddress, name: env.EmailSender__FromName },
    subject: mail.subject,
    content: [{ type: 'text/plain', value: mail.text }, { type: 'text/html', value: mail.html }],
  });
  const sent = await request('POST', sendGrid, body, { 'content-type': 'application/json', authorization: `Bearer ${env.SendGrid__ApiKey}`, 'content-length': Buffer.byteLength(body) });
  if (sent.status !== 202) throw new Error(`SendGrid answered ${sent.status}`);
  return {};
}

(async () => {
  for (;;) {
    const next = await request('GET', `${runtime}/invocation/next`);
    const id = next.headers['lambda-runtime-aws-request-id'];
    try {
      const result = Buffer.from(JSON.stringify(await handle(JSON.parse(next.body.toString('utf8')))));
      await request('POST', `${runtime}/invocation/${id}/response`, result, { 'content-type': 'application/json', 'content-length': result.length });
    } catch (e) {
      const err = Buffer.from(JSON.stringify({ errorMessage: e.message, errorType: e.name }));
      await request('POST', `${runtime}/invocation/${id}/error`, err, { 'content-type': 'application/json', 'content-length': err.length, 'lambda-runtime-function-error-type': 'Unhandled' });
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
