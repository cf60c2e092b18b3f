// extensions/custom-sms-sender.js: an SMS delivery goes to the CustomSMSSender function with the documented event
// (CustomSMSSender_<source>, request.type customSMSSenderRequestV1, encrypted code, phone_number in userAttributes);
// email deliveries are untouched. The crypto stand-in marks the code so the test sees it was encrypted by the trigger
// path (the ESDK encryption itself is encryption-context.js's, tested there and by the .NET senders).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { cognitoLocalDir, createEnv, applyExtensions } = require('../start');

function harness(functions) {
  const env = createEnv(cognitoLocalDir());
  applyExtensions(env);
  const { LambdaService } = env.lib('services/lambda');
  const { TriggersService } = env.lib('services/triggers/triggers');
  const { MessagesService } = env.lib('services/messages');
  const invoked = [];
  const lambdaClient = {
    invoke: (params) => ({
      promise: async () => {
        invoked.push({ name: params.FunctionName, event: JSON.parse(params.Payload) });
        return { StatusCode: 200, Payload: JSON.stringify({ response: {} }) };
      },
    }),
  };
  const crypto = { encrypt: async (_ctx, code) => `encrypted(${code})` };
  const triggers = new TriggersService({ get: () => new Date() }, {}, new LambdaService(functions, lambdaClient), crypto);
  const delivered = [];
  const messages = new MessagesService(triggers, { deliver: async (...args) => delivered.push(args) });
  const ctx = { logger: { debug() {}, info() {}, error() {}, warn() {} } };
  const user = { Username: 'jane', Attributes: [{ Name: 'phone_number', Value: '+15555550100' }, { Name: 'phone_number_verified', Value: 'false' }] };
  return { messages, invoked, delivered, ctx, user };
}

for (const source of ['SignUp', 'ForgotPassword', 'ResendCode', 'VerifyUserAttribute', 'UpdateUserAttribute', 'Authentication', 'AdminCreateUser']) {
  test(`SMS delivery for ${source} invokes the CustomSMSSender function`, async () => {
    const { messages, invoked, delivered, ctx, user } = harness({ CustomSMSSender: 'sms-sender' });

    await messages.deliver(ctx, source, 'client', 'eu-west-1_Pool', user, '123456', { locale: 'de' }, { DeliveryMedium: 'SMS', Destination: '+15555550100' });

    assert.strictEqual(delivered.length, 0);
    assert.strictEqual(invoked.length, 1);
    const { name, event } = invoked[0];
    assert.strictEqual(name, 'sms-sender');
    assert.strictEqual(event.triggerSource, `CustomSMSSender_${source}`);
    assert.strictEqual(event.request.type, 'customSMSSenderRequestV1');
    assert.strictEqual(event.request.code, 'encrypted(123456)');
    assert.strictEqual(event.request.userAttributes.phone_number, '+15555550100');
    assert.deepStrictEqual(event.request.clientMetadata, { locale: 'de' });
    assert.strictEqual(event.userPoolId, 'eu-west-1_Pool');
    assert.strictEqual(event.version, '1');
  });
}

test('email deliveries do not go to the SMS sender', async () => {
  const { messages, invoked, delivered, ctx, user } = harness({ CustomSMSSender: 'sms-sender' });

  await messages.deliver(ctx, 'SignUp', 'client', 'eu-west-1_Pool', user, '123456', {}, { DeliveryMedium: 'EMAIL', Destination: 'jane@example.com' });

  assert.strictEqual(invoked.length, 0);
  assert.strictEqual(delivered.length, 1);
});
