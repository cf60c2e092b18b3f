namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>UpdateDeviceStatus</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html"/>).</summary>
internal sealed class UpdateDeviceStatusRequest
{
    /// <summary>Cognito <c>UpdateDeviceStatus</c>: unsigned, retried on throttling and 5xx (idempotent: the same status and outcome).</summary>
    public static CognitoAction<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse> Action { get; } = new(
        "UpdateDeviceStatus",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.UpdateDeviceStatusRequest,
        CognitoJsonContext.Default.UpdateDeviceStatusResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string DeviceKey { get; set; } = string.Empty;

    /// <summary><c>remembered</c> or <c>not_remembered</c>.</summary>
    public string? DeviceRememberedStatus { get; set; }
}

/// <summary>The <c>UpdateDeviceStatus</c> response (empty).</summary>
internal sealed class UpdateDeviceStatusResponse
{
}
