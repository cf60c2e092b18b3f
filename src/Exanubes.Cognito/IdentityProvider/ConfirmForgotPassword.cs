namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ConfirmForgotPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html"/>).</summary>
internal sealed class ConfirmForgotPasswordRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>ConfirmForgotPassword</c>: unsigned, never retried: consumes the code.</summary>
    public static CognitoAction<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse> Action { get; } = new(
        "ConfirmForgotPassword",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.ConfirmForgotPasswordRequest,
        CognitoJsonContext.Default.ConfirmForgotPasswordResponse);

    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string ConfirmationCode { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>ConfirmForgotPassword</c> response.</summary>
internal sealed class ConfirmForgotPasswordResponse
{
}
