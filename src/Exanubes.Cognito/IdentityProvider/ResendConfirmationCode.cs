namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ResendConfirmationCode</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html"/>).</summary>
internal sealed class ResendConfirmationCodeRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>ResendConfirmationCode</c>: unsigned, never retried: sends a code.</summary>
    public static CognitoAction<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> Action { get; } = new(
        "ResendConfirmationCode",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.ResendConfirmationCodeRequest,
        CognitoJsonContext.Default.ResendConfirmationCodeResponse);

    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>ResendConfirmationCode</c> response.</summary>
internal sealed class ResendConfirmationCodeResponse
{
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }
}
