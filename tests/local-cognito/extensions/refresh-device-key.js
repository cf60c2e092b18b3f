// DEVICE_KEY on REFRESH_TOKEN_AUTH: "Add DEVICE_KEY if you want to bypass multi-factor authentication with a remembered
// device" (API reference, InitiateAuth AuthParameters), and amazon-cognito-identity-js sends the remembered device's key
// with every refresh. A key that names no device of the refresh token's user (or a forgotten one, check
// `device-forgotten`) is ResourceNotFoundException "Device does not exist."; a valid one is recorded as the device's
// last authentication. The refresh itself stays cognito-local's.
'use strict';
const auth = require('../lib/auth');
const devices = require('../lib/devices');

exports.apply = (env) => {
  for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
    auth.onFlow(env, flow, async ({ ctx, req, inner, userPool, services }) => {
      const params = req.AuthParameters || {};
      if (!params.DEVICE_KEY || !devices.trackingOn(userPool)) return inner(ctx, req);
      const user = params.REFRESH_TOKEN ? await userPool.getUserByRefreshToken(ctx, params.REFRESH_TOKEN) : null;
      if (!user) throw new env.errors.NotAuthorizedError('Invalid Refresh Token');
      devices.mustFind(env, user, params.DEVICE_KEY);
      const out = await inner(ctx, req);
      await devices.update(ctx, userPool, user.Username, params.DEVICE_KEY, { LastAuthenticatedDate: services.clock.get() });
      return out;
    });
  }
};
