// ConfirmDevice (API reference): "Confirms a device that a user wants to remember." Request: AccessToken, DeviceKey,
// DeviceSecretVerifierConfig { PasswordVerifier, Salt } (base64, as amazon-cognito-identity-js sends them), DeviceName.
// Response: UserConfirmationNecessary: "When true, your user must confirm that they want to remember the device ...
// When false, immediately sets the device as remembered" (= the pool's DeviceOnlyRememberedOnUserPrompt).
'use strict';
const { authorize } = require('../lib/access-token');
const devices = require('../lib/devices');

function base64ToHex(env, value, name) {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw new env.errors.InvalidParameterError(`DeviceSecretVerifierConfig.${name} must be base64.`);
  }
  return Buffer.from(value, 'base64').toString('hex');
}

exports.apply = (env) => {
  env.Targets.ConfirmDevice = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    devices.requireTracking(env, userPool);
    if (!req.DeviceKey) throw new env.errors.InvalidParameterError('Missing required parameter DeviceKey');
    const device = devices.mustFind(env, user, req.DeviceKey);
    if (device.Confirmed) throw new env.errors.CognitoError('DeviceKeyExistsException', 'Device already confirmed.');
    const config = req.DeviceSecretVerifierConfig;
    if (!config || !config.PasswordVerifier || !config.Salt) {
      throw new env.errors.InvalidParameterError('DeviceSecretVerifierConfig needs PasswordVerifier and Salt.');
    }
    const onPrompt = !!(userPool.options.DeviceConfiguration || {}).DeviceOnlyRememberedOnUserPrompt;
    await devices.update(ctx, userPool, user.Username, req.DeviceKey, {
      Confirmed: true,
      Remembered: !onPrompt,
      DeviceName: req.DeviceName,
      Verifier: base64ToHex(env, config.PasswordVerifier, 'PasswordVerifier'),
      Salt: base64ToHex(env, config.Salt, 'Salt'),
      LastModifiedDate: services.clock.get(),
    });
    return { UserConfirmationNecessary: onPrompt };
  };
};
