// InitiateAuth AuthFlow=USER_SRP_AUTH and RespondToAuthChallenge PASSWORD_VERIFIER (cognito-local 5.3.0 has no SRP).
// API reference, InitiateAuth AuthParameters: "USER_SRP_AUTH: USERNAME (required), SRP_A (required)"; "Add DEVICE_KEY
// if you want to bypass multi-factor authentication with a remembered device." RespondToAuthChallenge ChallengeResponses:
// "PASSWORD_VERIFIER": PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP, USERNAME (+ DEVICE_KEY).
// The proof is checked in lib/user-srp.js (check `srp-proof`). After it: device SRP when a remembered device key was
// given (extensions/DEVICE_SRP_AUTH.js), else the pool's MFA or tokens.
'use strict';
const auth = require('../lib/auth');
const userSrp = require('../lib/user-srp');
const devices = require('../lib/devices');

exports.apply = (env) => {
  auth.onFlow(env, 'USER_SRP_AUTH', async ({ ctx, req, client, userPool }) => {
    auth.requireFlow(env, client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH');
    const params = req.AuthParameters || {};
    const user = await auth.findUser(env, ctx, userPool, client, params.USERNAME);
    return userSrp.start(env, userPool, user, params.SRP_A, {
      flow: 'USER_SRP_AUTH',
      clientId: client.ClientId,
      clientMetadata: req.ClientMetadata,
      deviceKey: params.DEVICE_KEY,
    });
  });

  auth.onChallenge(env, 'PASSWORD_VERIFIER', async (args) => {
    const { ctx, req, state, user, userPool } = args;
    const responses = req.ChallengeResponses;
    userSrp.verify(env, userPool, state, responses);
    const next = { ...state, srp: undefined, clientMetadata: req.ClientMetadata ?? state.clientMetadata };
    // A DEVICE_KEY of null in the answer withdraws the one given to InitiateAuth.
    const deviceKey = 'DEVICE_KEY' in responses ? responses.DEVICE_KEY : state.deviceKey;
    if (deviceKey && devices.trackingOn(userPool)) {
      const device = devices.mustFind(env, user, deviceKey);
      next.presentedDevice = deviceKey;
      // Device authentication is for remembered devices ("Remembered devices can override MFA", developer guide);
      // a tracked device the user chose not to remember goes on to MFA as a new one would.
      if (device.Confirmed && device.Remembered) {
        return auth.challenge('DEVICE_SRP_AUTH', { USERNAME: user.Username }, { ...next, deviceKey });
      }
    }
    return auth.afterPassword({ ...args, ctx, state: next, clientMetadata: next.clientMetadata });
  });
};
