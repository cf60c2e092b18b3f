// ForgetDevice (API reference): "Given a device key, deletes a remembered device as the currently signed-in user."
// The record is kept with a Forgotten mark so check `device-forgotten` (lib/devices.js) can be switched off.
'use strict';
const { authorize } = require('../lib/access-token');
const devices = require('../lib/devices');

exports.apply = (env) => {
  env.Targets.ForgetDevice = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    devices.requireTracking(env, userPool);
    if (!req.DeviceKey) throw new env.errors.InvalidParameterError('Missing required parameter DeviceKey');
    const device = (user.Devices || {})[req.DeviceKey];
    if (!device || device.Forgotten) throw new env.errors.ResourceNotFoundError('Device does not exist.');
    await devices.update(ctx, userPool, user.Username, req.DeviceKey, { Forgotten: true, LastModifiedDate: services.clock.get() });
    return {};
  };
};
