namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>InitiateAuth</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html"/>).</summary>
internal sealed class InitiateAuthRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>InitiateAuth</c>: unsigned, never retried: counts toward lockout.</summary>
    public static CognitoAction<InitiateAuthRequest, InitiateAuthResponse> Action { get; } = new(
        "InitiateAuth",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.InitiateAuthRequest,
        CognitoJsonContext.Default.InitiateAuthResponse);

    public string AuthFlow { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public Dictionary<string, string> AuthParameters { get; set; } = [];

    public Dictionary<string, string>? ClientMetadata { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public string? Session { get; set; }
}

/// <summary>The <c>InitiateAuth</c> response.</summary>
internal sealed class InitiateAuthResponse
{
    public string? ChallengeName { get; set; }

    public string? Session { get; set; }

    public Dictionary<string, string>? ChallengeParameters { get; set; }

    public AuthenticationResultType? AuthenticationResult { get; set; }

    public List<string>? AvailableChallenges { get; set; }
}
