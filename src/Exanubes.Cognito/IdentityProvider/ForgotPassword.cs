namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ForgotPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html"/>).</summary>
internal sealed class ForgotPasswordRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>ForgotPassword</c>: unsigned, never retried: sends a code.</summary>
    public static CognitoAction<ForgotPasswordRequest, ForgotPasswordResponse> Action { get; } = new(
        "ForgotPassword",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.ForgotPasswordRequest,
        CognitoJsonContext.Default.ForgotPasswordResponse);

    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>ForgotPassword</c> response.</summary>
internal sealed class ForgotPasswordResponse
{
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }
}
