namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ForgetDevice</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html"/>).</summary>
internal sealed class ForgetDeviceRequest
{
    /// <summary>Cognito <c>ForgetDevice</c>: unsigned, never retried (a second run reports ResourceNotFound for a forgotten device).</summary>
    public static CognitoAction<ForgetDeviceRequest, ForgetDeviceResponse> Action { get; } = new(
        "ForgetDevice",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.ForgetDeviceRequest,
        CognitoJsonContext.Default.ForgetDeviceResponse);

    // The JS SDK writes DeviceKey first for this action (the wire test holds us to its bytes).
    public string DeviceKey { get; set; } = string.Empty;

    public string? AccessToken { get; set; }
}

/// <summary>The <c>ForgetDevice</c> response (the action has no output).</summary>
internal sealed class ForgetDeviceResponse
{
}
