namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ListDevices</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListDevices.html"/>).</summary>
internal sealed class ListDevicesRequest
{
    public string AccessToken { get; set; } = string.Empty;

    public int? Limit { get; set; }

    public string? PaginationToken { get; set; }
}

/// <summary>The <c>ListDevices</c> response.</summary>
internal sealed class ListDevicesResponse
{
    public List<DeviceType>? Devices { get; set; }

    public string? PaginationToken { get; set; }
}

/// <summary><c>DeviceType</c>: one tracked device.</summary>
internal sealed class DeviceType
{
    public string? DeviceKey { get; set; }

    public List<AttributeType>? DeviceAttributes { get; set; }

    public DateTimeOffset? DeviceCreateDate { get; set; }

    public DateTimeOffset? DeviceLastModifiedDate { get; set; }

    public DateTimeOffset? DeviceLastAuthenticatedDate { get; set; }
}
