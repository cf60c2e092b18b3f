namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ConfirmSignUp</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html"/>).</summary>
internal sealed class ConfirmSignUpRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>ConfirmSignUp</c>: unsigned, never retried: consumes the code.</summary>
    public static CognitoAction<ConfirmSignUpRequest, ConfirmSignUpResponse> Action { get; } = new(
        "ConfirmSignUp",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.ConfirmSignUpRequest,
        CognitoJsonContext.Default.ConfirmSignUpResponse);

    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string ConfirmationCode { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public bool? ForceAliasCreation { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }

    public string? Session { get; set; }
}

/// <summary>The <c>ConfirmSignUp</c> response.</summary>
internal sealed class ConfirmSignUpResponse
{
    public string? Session { get; set; }
}
