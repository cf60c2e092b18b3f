// NewDeviceMetadata (DeviceKey, DeviceGroupKey) in AuthenticationResult. Where Cognito returns it, from the docs:
// - NewDeviceMetadataType: "Information that your user pool responds with in AuthenticationResult when you configure it
//   to remember devices and a user signs in with an unrecognized device."
// - Developer guide, "Working with user devices in your user pool": "Amazon Cognito includes a device key in the
//   response to any sign-in that doesn't already include device information ... With a device key, a Secure Remote
//   Password (SRP) library, and a user pool that permits device authentication, you can prompt users in your app to
//   trust the current device".
// - AWS Knowledge Center, "How do I use remembered devices in my Amazon Cognito user pool?": "You must use the
//   USER_SRP_AUTH authentication flow to use the device tracking feature."
// Modelled: a USER_SRP_AUTH sign-in (after its MFA, if any) in a pool with DeviceConfiguration, that presented no
// device key. Nothing else (USER_PASSWORD_AUTH, USER_AUTH, refresh) returns it here.
'use strict';
const auth = require('../lib/auth');
const devices = require('../lib/devices');

exports.apply = () => {
  auth.onFinish(async ({ ctx, services, userPool, user, state, result }) => {
    if (!state || state.flow !== 'USER_SRP_AUTH' || state.presentedDevice || !devices.trackingOn(userPool)) return result;
    return { ...result, NewDeviceMetadata: await devices.issue(ctx, userPool, services.clock, user.Username) };
  });
};
