// extensions/trigger-event-version.js: every trigger event carries version "1", as Cognito sends it.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { cognitoLocalDir, createEnv, applyExtensions } = require('../start');

test('trigger events carry version "1"', async () => {
  const env = createEnv(cognitoLocalDir());
  applyExtensions(env);
  const { LambdaService } = env.lib('services/lambda');
  const sent = [];
  const lambdaClient = {
    invoke: (params) => ({
      promise: async () => {
        const event = JSON.parse(params.Payload);
        sent.push(event);
        return { StatusCode: 200, Payload: JSON.stringify(event) };
      },
    }),
  };
  const lambda = new LambdaService({ PreTokenGeneration: 'pre-token', PreSignUp: 'pre-sign-up' }, lambdaClient);
  const ctx = { logger: { debug() {}, info() {}, error() {}, warn() {} } };

  await lambda.invoke(ctx, 'PreTokenGeneration', {
    triggerSource: 'TokenGeneration_Authentication', userPoolId: 'eu-west-1_Pool', clientId: 'c', username: 'u',
    userAttributes: {}, groupConfiguration: {},
  });
  await lambda.invoke(ctx, 'PreSignUp', { triggerSource: 'PreSignUp_SignUp', userPoolId: 'eu-west-1_Pool', clientId: 'c', username: 'u', userAttributes: {} });

  assert.deepStrictEqual(sent.map((e) => [e.triggerSource, e.version]), [['TokenGeneration_Authentication', '1'], ['PreSignUp_SignUp', '1']]);
});
