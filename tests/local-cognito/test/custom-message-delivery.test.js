// extensions/custom-message-delivery.js: every placeholder in a custom message is replaced (cognito-local replaces the
// first only), and the SMTP client delivers a message a real SMTP server (maildev's, from the npm peers) accepts.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { cognitoLocalDir, createEnv, applyExtensions } = require('../start');

test('every {####} and {username} of the custom message is replaced', async () => {
  const env = createEnv(cognitoLocalDir());
  applyExtensions(env);
  const { MessagesService } = env.lib('services/messages');
  const triggers = {
    enabled: (name) => name === 'CustomMessage',
    customMessage: async () => ({ emailSubject: 'Verify', emailMessage: '<a href="https://app/verify?code={####}&u={username}">{####}</a>', smsMessage: 'Code {####}' }),
  };
  const service = new MessagesService(triggers, { deliver: async () => {} });

  const message = await service.create({ logger: { info() {}, error() {} } }, 'SignUp', 'client', 'pool', { Username: 'jane', Attributes: [] }, '123456', {});

  assert.strictEqual(message.emailMessage, '<a href="https://app/verify?code=123456&u=jane">123456</a>');
  assert.strictEqual(message.smsMessage, 'Code 123456');
});

test('the SMTP client delivers to a real SMTP server', async () => {
  const { sendSmtp } = require('../extensions/custom-message-delivery');
  const peers = path.resolve(__dirname, '..', '..', '..', 'peers', 'node_modules');
  const { SMTPServer } = require(path.join(peers, 'smtp-server'));
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (c) => { text += c; });
      stream.on('end', () => { received.push({ to: session.envelope.rcptTo[0].address, text }); callback(); });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  try {
    await sendSmtp('127.0.0.1', port, 'no-reply@cognito.local', 'jane@example.com', 'Verify', '<p>123456</p>');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }

  assert.strictEqual(received.length, 1);
  assert.strictEqual(received[0].to, 'jane@example.com');
  assert.match(received[0].text, /Content-Type: text\/html/);
  assert.ok(received[0].text.includes(Buffer.from('<p>123456</p>').toString('base64')));
});
