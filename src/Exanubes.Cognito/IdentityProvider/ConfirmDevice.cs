namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ConfirmDevice</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html"/>).</summary>
internal sealed class ConfirmDeviceRequest
{
    /// <summary>Cognito <c>ConfirmDevice</c>: unsigned, never retried (registers a device verifier once).</summary>
    public static CognitoAction<ConfirmDeviceRequest, ConfirmDeviceResponse> Action { get; } = new(
        "ConfirmDevice",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.ConfirmDeviceRequest,
        CognitoJsonContext.Default.ConfirmDeviceResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string DeviceKey { get; set; } = string.Empty;

    public DeviceSecretVerifierConfigType? DeviceSecretVerifierConfig { get; set; }

    public string? DeviceName { get; set; }
}

/// <summary>The <c>ConfirmDevice</c> response.</summary>
internal sealed class ConfirmDeviceResponse
{
    public bool? UserConfirmationNecessary { get; set; }
}

/// <summary><c>DeviceSecretVerifierConfigType</c>: the device's SRP verifier and salt, base64.</summary>
internal sealed class DeviceSecretVerifierConfigType
{
    public string? PasswordVerifier { get; set; }

    public string? Salt { get; set; }
}
