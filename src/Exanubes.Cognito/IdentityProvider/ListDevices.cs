namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ListDevices</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListDevices.html"/>).</summary>
internal sealed class ListDevicesRequest
{
    /// <summary>Cognito <c>ListDevices</c>: unsigned, retried on throttling and 5xx (read-only).</summary>
    public static CognitoAction<ListDevicesRequest, ListDevicesResponse> Action { get; } = new(
        "ListDevices",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.ListDevicesRequest,
        CognitoJsonContext.Default.ListDevicesResponse);

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
