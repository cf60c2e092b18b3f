// Remembered devices, kept on the user record (user.Devices, user.DeviceGroupKey). Facts from the Cognito developer
// guide, "Working with user devices in your user pool" (amazon-cognito-user-pools-device-tracking.html), and the API
// reference:
// - DeviceConfigurationType: "When you provide a value for any property of DeviceConfiguration, you activate the
//   device remembering for the user pool."
// - NewDeviceMetadataType: "Information that your user pool responds with in AuthenticationResult when you configure
//   it to remember devices and a user signs in with an unrecognized device." DeviceKey pattern [\w-]+_[0-9a-f-]+
//   ("The device key is in the format Region_UUID").
// - ConfirmDeviceResponse.UserConfirmationNecessary / DeviceOnlyRememberedOnUserPrompt: when false, "Amazon Cognito
//   immediately remembers devices that you register in a ConfirmDevice API request".
// - ChallengeRequiredOnNewDevice: "When true, a remembered device can sign in with device authentication instead of
//   SMS and TOTP factors for MFA ... users who sign in with devices that have not been confirmed or remembered must
//   still provide a second factor in a user pool that requires MFA."
// Check `device-forgotten`: ForgetDevice "deletes a remembered device" (API reference, ForgetDevice); a forgotten
// device key is answered ResourceNotFoundException "Device does not exist." at PASSWORD_VERIFIER, DEVICE_SRP_AUTH and
// REFRESH_TOKEN_AUTH. LOCAL_COGNITO_OFF=device-forgotten keeps a forgotten device usable.
'use strict';
const crypto = require('crypto');

function trackingOn(userPool) {
  const config = userPool.options.DeviceConfiguration;
  return !!config && Object.values(config).some((v) => v !== undefined && v !== null);
}

function region(userPool) {
  return userPool.options.Id.split('_')[0];
}

/** The device record when the key names a device of this user that may still be used. */
function find(env, user, deviceKey) {
  const device = (user.Devices || {})[deviceKey];
  if (!device) return null;
  if (device.Forgotten && env.enabled('device-forgotten')) return null;
  return device;
}

function mustFind(env, user, deviceKey) {
  const device = find(env, user, deviceKey);
  if (!device) throw new env.errors.ResourceNotFoundError('Device does not exist.');
  return device;
}

async function update(ctx, userPool, username, deviceKey, change) {
  const user = await userPool.getUserByUsername(ctx, username);
  const devices = { ...(user.Devices || {}) };
  devices[deviceKey] = { ...devices[deviceKey], ...change };
  await userPool.saveUser(ctx, { ...user, Devices: devices });
  return devices[deviceKey];
}

/** A new, not yet confirmed device for this user: the NewDeviceMetadata of its sign-in. */
async function issue(ctx, userPool, clock, username) {
  const user = await userPool.getUserByUsername(ctx, username);
  const groupKey = user.DeviceGroupKey || `-${crypto.randomBytes(6).toString('base64url')}`;
  const deviceKey = `${region(userPool)}_${crypto.randomUUID()}`;
  const now = clock.get();
  const devices = { ...(user.Devices || {}) };
  devices[deviceKey] = { DeviceKey: deviceKey, Confirmed: false, Remembered: false, CreateDate: now, LastModifiedDate: now };
  await userPool.saveUser(ctx, { ...user, DeviceGroupKey: groupKey, Devices: devices });
  return { DeviceKey: deviceKey, DeviceGroupKey: groupKey };
}

/** DeviceType as the model shapes it. */
function describe(device) {
  const attributes = [{ Name: 'device_status', Value: 'valid' }];
  if (device.DeviceName) attributes.push({ Name: 'device_name', Value: device.DeviceName });
  attributes.push({ Name: 'dev:device_remembered_status', Value: device.Remembered ? 'remembered' : 'not_remembered' });
  return {
    DeviceKey: device.DeviceKey,
    DeviceAttributes: attributes,
    DeviceCreateDate: device.CreateDate,
    DeviceLastModifiedDate: device.LastModifiedDate,
    DeviceLastAuthenticatedDate: device.LastAuthenticatedDate,
  };
}

function requireTracking(env, userPool) {
  if (!trackingOn(userPool)) {
    throw new env.errors.CognitoError('InvalidUserPoolConfigurationException', 'Device tracking is not enabled for this user pool.');
  }
}

module.exports = { trackingOn, find, mustFind, update, issue, describe, requireTracking };
