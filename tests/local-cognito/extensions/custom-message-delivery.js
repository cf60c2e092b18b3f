// The custom message trigger's message reaches the user whole. cognito-local 5.3.0 replaces only the FIRST `{####}`
// and `{username}` in the message a custom message function returns (String.replace), and prints the email to its
// console. Cognito developer guide, "Custom message Lambda trigger": Amazon Cognito replaces the codeParameter string
// with the actual code (every occurrence: a message may show the code and also carry it in a link) and sends the
// message; its response's emailSubject is the subject.
//
// This replaces every remaining placeholder with the code and username Cognito delivers, and, when
// LOCAL_COGNITO_SMTP=host:port is set, also delivers each email over SMTP (to maildev in tests and the local stack),
// from LOCAL_COGNITO_SMTP_FROM (default no-reply@cognito.local), as HTML when the body looks like HTML.
'use strict';
const net = require('net');

const CODE = '{####}';
const USERNAME = '{username}';

exports.apply = (env) => {
  const { MessagesService } = env.lib('services/messages');
  const create = MessagesService.prototype.create;
  MessagesService.prototype.create = async function createWhole(ctx, source, clientId, userPoolId, user, code, clientMetadata) {
    const message = await create.call(this, ctx, source, clientId, userPoolId, user, code, clientMetadata);
    const whole = (text) => (typeof text === 'string' ? text.split(CODE).join(code ?? '').split(USERNAME).join(user.Username) : text);
    return { ...message, emailMessage: whole(message.emailMessage), smsMessage: whole(message.smsMessage) };
  };

  const smtp = process.env.LOCAL_COGNITO_SMTP;
  if (!smtp) return;
  const [host, port] = smtp.split(':');
  const from = process.env.LOCAL_COGNITO_SMTP_FROM || 'no-reply@cognito.local';
  const { ConsoleMessageSender } = env.lib('services/messageDelivery/consoleMessageSender');
  const sendEmail = ConsoleMessageSender.prototype.sendEmail;
  ConsoleMessageSender.prototype.sendEmail = async function sendEmailOverSmtp(ctx, user, destination, message) {
    await sendEmail.call(this, ctx, user, destination, message);
    const body = message.emailMessage ?? `Your code is ${message.__code}`;
    await exports.sendSmtp(host, Number(port), from, destination, message.emailSubject ?? 'Your verification code', body);
  };
};

// A minimal SMTP client (RFC 5321: EHLO, MAIL, RCPT, DATA, QUIT) for a loopback test server.
exports.sendSmtp = (host, port, from, to, subject, body) => new Promise((resolve, reject) => {
  const html = /<[a-z][\s\S]*>/i.test(body);
  const data = [
    `From: ${from}`, `To: ${to}`, `Subject: ${subject.replace(/[\r\n]+/g, ' ')}`, 'MIME-Version: 1.0',
    `Content-Type: ${html ? 'text/html' : 'text/plain'}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '',
    Buffer.from(body, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'), '.', '',
  ].join('\r\n');
  const steps = [`EHLO cognito.local\r\n`, `MAIL FROM:<${from}>\r\n`, `RCPT TO:<${to}>\r\n`, 'DATA\r\n', data, 'QUIT\r\n'];
  const socket = net.connect(port, host);
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\r\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (/^\d{3}-/.test(line)) continue; // a multi-line reply goes on
      if (!/^[23]\d\d/.test(line)) { socket.destroy(); reject(new Error(`SMTP refused: ${line}`)); return; }
      const next = steps.shift();
      if (next) socket.write(next); else socket.end();
    }
  });
  socket.on('end', resolve);
  socket.on('close', resolve);
  socket.on('error', reject);
});
