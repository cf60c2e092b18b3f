namespace Exanubes.Cognito.Devices;

/// <summary>One of the user's tracked devices (<c>DeviceType</c>), as listed on an account page.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceType.html"/>.</remarks>
public sealed class CognitoDevice
{
    /// <summary>Creates a device description.</summary>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="attributes">The device attributes, for example <c>device_name</c>, <c>device_status</c>, <c>last_ip_used</c>.</param>
    /// <param name="createdAt">When the device was first tracked.</param>
    /// <param name="lastModifiedAt">When it last changed.</param>
    /// <param name="lastAuthenticatedAt">When it last signed in.</param>
    /// <exception cref="ArgumentException"><paramref name="deviceKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="attributes"/> is null.</exception>
    public CognitoDevice(string deviceKey, IReadOnlyDictionary<string, string> attributes, DateTimeOffset? createdAt, DateTimeOffset? lastModifiedAt, DateTimeOffset? lastAuthenticatedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        ArgumentNullException.ThrowIfNull(attributes);
        DeviceKey = deviceKey;
        Attributes = attributes;
        CreatedAt = createdAt;
        LastModifiedAt = lastModifiedAt;
        LastAuthenticatedAt = lastAuthenticatedAt;
    }

    /// <summary>The device key.</summary>
    public string DeviceKey { get; }

    /// <summary>The device attributes Cognito keeps (<c>device_name</c>, <c>device_status</c>, <c>dev:device_remembered_status</c>, <c>last_ip_used</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The name given at <c>ConfirmDevice</c> (attribute <c>device_name</c>), when set.</summary>
    public string? Name => Attributes.TryGetValue("device_name", out var name) ? name : null;

    /// <summary>
    /// Whether the device is remembered (attribute <c>dev:device_remembered_status</c> is <c>remembered</c>, as
    /// <c>UpdateDeviceStatus</c> sets it): only a remembered device may skip MFA.
    /// </summary>
    public bool IsRemembered => Attributes.TryGetValue("dev:device_remembered_status", out var status) && string.Equals(status, "remembered", StringComparison.Ordinal);

    /// <summary>When the device was first tracked.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>When the device last changed.</summary>
    public DateTimeOffset? LastModifiedAt { get; }

    /// <summary>When the device last signed in.</summary>
    public DateTimeOffset? LastAuthenticatedAt { get; }
}
