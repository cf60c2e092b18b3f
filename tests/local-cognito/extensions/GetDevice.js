// GetDevice (API reference): "Gets the device" — response { Device: DeviceType } (DeviceKey, DeviceAttributes,
// DeviceCreateDate, DeviceLastModifiedDate, DeviceLastAuthenticatedDate).
'use strict';
const { authorize } = require('../lib/access-token');
const devices = require('../lib/devices');

exports.apply = (env) => {
  env.Targets.GetDevice = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    devices.requireTracking(env, userPool);
    if (!req.DeviceKey) throw new env.errors.InvalidParameterError('Missing required parameter DeviceKey');
    const device = devices.mustFind(env, user, req.DeviceKey);
    if (!device.Confirmed) throw new env.errors.ResourceNotFoundError('Device does not exist.');
    return { Device: devices.describe(device) };
  };
};
