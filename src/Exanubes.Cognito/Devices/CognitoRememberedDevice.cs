namespace Exanubes.Cognito.Devices;

/// <summary>
/// What a browser or app keeps to be recognised as a remembered device of one user in one user pool: the device key
/// and device group key Cognito issued in <c>NewDeviceMetadata</c>, and the random device password whose SRP verifier
/// <c>ConfirmDevice</c> registered.
/// </summary>
/// <remarks>
/// <para>
/// The device password is a secret: with it, a sign-in from this device answers DEVICE_SRP_AUTH and
/// DEVICE_PASSWORD_VERIFIER and the user pool skips MFA. It is kept by an <see cref="ICognitoDeviceStore"/>, never
/// logged, and <see cref="ToString"/> does not print it.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html"/>.
/// </para>
/// </remarks>
public sealed class CognitoRememberedDevice
{
    /// <summary>Creates a remembered device.</summary>
    /// <param name="deviceKey">The device key, for example <c>us-east-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111</c>.</param>
    /// <param name="deviceGroupKey">The device group key.</param>
    /// <param name="devicePassword">The random device password; a secret.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public CognitoRememberedDevice(string deviceKey, string deviceGroupKey, string devicePassword)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        ArgumentException.ThrowIfNullOrEmpty(deviceGroupKey);
        ArgumentException.ThrowIfNullOrEmpty(devicePassword);
        DeviceKey = deviceKey;
        DeviceGroupKey = deviceGroupKey;
        DevicePassword = devicePassword;
    }

    /// <summary>The device key Cognito issued (<c>NewDeviceMetadata.DeviceKey</c>), sent as <c>DEVICE_KEY</c>.</summary>
    public string DeviceKey { get; }

    /// <summary>The device group key Cognito issued (<c>NewDeviceMetadata.DeviceGroupKey</c>); part of the device's SRP identity.</summary>
    public string DeviceGroupKey { get; }

    /// <summary>The random device password; a secret, never logged.</summary>
    public string DevicePassword { get; }

    /// <summary>Prints the device key only.</summary>
    /// <returns>A description without the device password or group key.</returns>
    public override string ToString() => $"CognitoRememberedDevice {{ DeviceKey = {DeviceKey} }}";
}
