// extensions/user-migration-username.js: the migrated user is named after the username typed at sign-in, and no
// `username` attribute is stored. Drives cognito-local's own UserMigration service with a Lambda client stand-in that
// answers as a migrate-user function does (documented response shape).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { cognitoLocalDir, createEnv, applyExtensions } = require('../start');

test('UserMigration creates the user under the typed username, without a username attribute', async () => {
  const env = createEnv(cognitoLocalDir());
  applyExtensions(env);
  const { LambdaService } = env.lib('services/lambda');
  const { UserMigration } = env.lib('services/triggers/userMigration');
  const invoked = [];
  const lambdaClient = {
    invoke: (params) => ({
      promise: async () => {
        const event = JSON.parse(params.Payload);
        invoked.push(event);
        event.response = { userAttributes: { email: 'legacy@example.com', username: 'attacker-chosen' }, finalUserStatus: 'CONFIRMED' };
        return { StatusCode: 200, Payload: JSON.stringify(event) };
      },
    }),
  };
  const lambda = new LambdaService({ UserMigration: 'migrate' }, lambdaClient);
  const saved = [];
  const userPool = { options: { Id: 'eu-west-1_Pool' }, saveUser: async (_ctx, user) => saved.push(user) };
  const cognitoClient = { getUserPoolForClientId: async () => userPool };
  const clock = { get: () => new Date(0) };
  const logger = { debug() {}, info() {}, error() {}, warn() {} };

  const user = await UserMigration({ lambda, cognitoClient, clock })({ logger }, {
    clientId: 'client', password: 'Legacy-Passw0rd!', userAttributes: [], username: 'legacy.user', userPoolId: 'eu-west-1_Pool',
  });

  assert.strictEqual(invoked[0].userName, 'legacy.user');
  assert.strictEqual(invoked[0].triggerSource, 'UserMigration_Authentication');
  assert.strictEqual(user.Username, 'legacy.user');
  assert.deepStrictEqual(user.Attributes, [{ Name: 'email', Value: 'legacy@example.com' }]);
  assert.strictEqual(saved.length, 1);
});
