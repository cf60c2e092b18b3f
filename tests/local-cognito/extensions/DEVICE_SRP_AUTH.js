// RespondToAuthChallenge DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER: device authentication with the verifier the app
// registered in ConfirmDevice. API reference, RespondToAuthChallenge ChallengeResponses: "DEVICE_SRP_AUTH": USERNAME,
// DEVICE_KEY, SRP_A; "DEVICE_PASSWORD_VERIFIER": DEVICE_KEY, PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK,
// TIMESTAMP, USERNAME. The SRP group is the device group key and the identity the device key (developer guide,
// "Signing in with a device"; same math as lib/srp.js).
//
// Check `device-srp-proof`: the device proof is verified against the stored device verifier; a wrong one is
// NotAuthorizedException. LOCAL_COGNITO_OFF=device-srp-proof accepts any device proof.
// A remembered device skips MFA when the pool's ChallengeRequiredOnNewDevice is true (DeviceConfigurationType).
'use strict';
const crypto = require('crypto');
const srp = require('../lib/srp');
const auth = require('../lib/auth');
const devices = require('../lib/devices');

exports.apply = (env) => {
  const { InvalidParameterError, NotAuthorizedError } = env.errors;

  auth.onChallenge(env, 'DEVICE_SRP_AUTH', async ({ req, state, user }) => {
    const responses = req.ChallengeResponses;
    if (!responses.DEVICE_KEY) throw new InvalidParameterError('Missing required parameter DEVICE_KEY');
    if (responses.DEVICE_KEY !== state.deviceKey) throw new NotAuthorizedError('Invalid device key given.');
    const device = devices.mustFind(env, user, responses.DEVICE_KEY);
    const srpA = responses.SRP_A;
    if (!srpA) throw new InvalidParameterError('Missing required parameter SRP_A');
    if (!/^[0-9a-fA-F]+$/.test(srpA) || BigInt('0x' + srpA) % srp.N === 0n) throw new InvalidParameterError('SRP_A is not a valid SRP value.');
    const { bHex, BHex } = srp.serverStart(device.Verifier);
    const secretBlock = crypto.randomBytes(64).toString('base64');
    return auth.challenge('DEVICE_PASSWORD_VERIFIER', {
      DEVICE_KEY: device.DeviceKey,
      SALT: device.Salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: BHex,
      USERNAME: user.Username,
    }, { ...state, deviceSrp: { AHex: srpA, bHex, BHex, verifierHex: device.Verifier, secretBlock } });
  });

  auth.onChallenge(env, 'DEVICE_PASSWORD_VERIFIER', async (args) => {
    const { ctx, req, state, user, userPool, services } = args;
    const responses = req.ChallengeResponses;
    if (responses.DEVICE_KEY !== state.deviceKey) throw new NotAuthorizedError('Invalid device key given.');
    const device = devices.mustFind(env, user, state.deviceKey);
    if (env.enabled('device-srp-proof')) {
      const s = state.deviceSrp;
      const ok = srp.timestampFresh(responses.TIMESTAMP)
        && responses.PASSWORD_CLAIM_SECRET_BLOCK === s.secretBlock
        && srp.verifyClaim({
          group: user.DeviceGroupKey,
          id: device.DeviceKey,
          AHex: s.AHex,
          bHex: s.bHex,
          BHex: s.BHex,
          verifierHex: s.verifierHex,
          secretBlock: s.secretBlock,
          timestamp: responses.TIMESTAMP,
          signature: responses.PASSWORD_CLAIM_SIGNATURE,
        });
      if (!ok) throw new NotAuthorizedError('Incorrect username or password.');
    }
    await devices.update(ctx, userPool, user.Username, device.DeviceKey, { LastAuthenticatedDate: services.clock.get() });
    const next = { ...state, deviceSrp: undefined, deviceAuthenticated: device.DeviceKey };
    const fresh = await userPool.getUserByUsername(ctx, user.Username);
    const config = userPool.options.DeviceConfiguration || {};
    if (device.Remembered && config.ChallengeRequiredOnNewDevice) {
      return auth.issueTokens({ ...args, user: fresh, state: next, clientMetadata: req.ClientMetadata ?? state.clientMetadata });
    }
    return auth.afterPassword({ ...args, user: fresh, state: next, clientMetadata: req.ClientMetadata ?? state.clientMetadata });
  });
};
