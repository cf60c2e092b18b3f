// UpdateDeviceStatus (API reference): "Updates the status of a user's device so that it is marked as remembered or not
// remembered for the purpose of device authentication." DeviceRememberedStatus: remembered | not_remembered
// (DeviceRememberedStatusType).
'use strict';
const { authorize } = require('../lib/access-token');
const devices = require('../lib/devices');

exports.apply = (env) => {
  env.Targets.UpdateDeviceStatus = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    devices.requireTracking(env, userPool);
    if (!req.DeviceKey) throw new env.errors.InvalidParameterError('Missing required parameter DeviceKey');
    const status = req.DeviceRememberedStatus;
    if (status !== undefined && status !== 'remembered' && status !== 'not_remembered') {
      throw new env.errors.InvalidParameterError("DeviceRememberedStatus must be 'remembered' or 'not_remembered'.");
    }
    const device = devices.mustFind(env, user, req.DeviceKey);
    if (!device.Confirmed) throw new env.errors.ResourceNotFoundError('Device does not exist.');
    await devices.update(ctx, userPool, user.Username, req.DeviceKey, { Remembered: status === 'remembered', LastModifiedDate: services.clock.get() });
    return {};
  };
};
