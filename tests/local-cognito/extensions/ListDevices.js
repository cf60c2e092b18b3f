// ListDevices (API reference): "Lists the sign-in devices that Amazon Cognito has registered to the current user."
// Request: AccessToken, Limit (QueryLimitType 0..60), PaginationToken; response: Devices, PaginationToken.
'use strict';
const { authorize } = require('../lib/access-token');
const devices = require('../lib/devices');
const { page } = require('../lib/paging');

exports.apply = (env) => {
  env.Targets.ListDevices = (services) => async (ctx, req) => {
    const { userPool, user } = await authorize(env, services, ctx, req.AccessToken);
    devices.requireTracking(env, userPool);
    const all = Object.values(user.Devices || {})
      .filter((d) => d.Confirmed && !d.Forgotten)
      .sort((a, b) => new Date(a.CreateDate) - new Date(b.CreateDate) || a.DeviceKey.localeCompare(b.DeviceKey));
    const { slice, next } = page(env, all, req.Limit, req.PaginationToken, 60);
    return { Devices: slice.map(devices.describe), PaginationToken: next };
  };
};
