namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GetDevice</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetDevice.html"/>).</summary>
internal sealed class GetDeviceRequest
{
    /// <summary>Cognito <c>GetDevice</c>: unsigned, retried on throttling and 5xx (read-only).</summary>
    public static CognitoAction<GetDeviceRequest, GetDeviceResponse> Action { get; } = new(
        "GetDevice",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GetDeviceRequest,
        CognitoJsonContext.Default.GetDeviceResponse);

    public string DeviceKey { get; set; } = string.Empty;

    public string? AccessToken { get; set; }
}

/// <summary>The <c>GetDevice</c> response.</summary>
internal sealed class GetDeviceResponse
{
    public DeviceType? Device { get; set; }
}
