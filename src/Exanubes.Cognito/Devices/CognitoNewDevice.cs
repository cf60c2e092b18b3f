namespace Exanubes.Cognito.Devices;

/// <summary>
/// The device key and group key Cognito issues with the tokens when the user signs in from a device it does not know
/// (<c>NewDeviceMetadata</c>). Offer "Remember this device", then pass the tokens to
/// <see cref="ICognitoDevices.RememberDeviceAsync"/>.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NewDeviceMetadataType.html"/>.</remarks>
public sealed class CognitoNewDevice
{
    /// <summary>Creates the metadata.</summary>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="deviceGroupKey">The device group key.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public CognitoNewDevice(string deviceKey, string deviceGroupKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        ArgumentException.ThrowIfNullOrEmpty(deviceGroupKey);
        DeviceKey = deviceKey;
        DeviceGroupKey = deviceGroupKey;
    }

    /// <summary>The device key, for example <c>us-east-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111</c>.</summary>
    public string DeviceKey { get; }

    /// <summary>The device group key.</summary>
    public string DeviceGroupKey { get; }

    /// <inheritdoc />
    public override string ToString() => $"CognitoNewDevice {{ DeviceKey = {DeviceKey} }}";
}
