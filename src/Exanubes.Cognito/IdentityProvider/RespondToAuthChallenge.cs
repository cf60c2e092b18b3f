namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>RespondToAuthChallenge</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html"/>).</summary>
internal sealed class RespondToAuthChallengeRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>RespondToAuthChallenge</c>: unsigned, never retried: consumes the session.</summary>
    public static CognitoAction<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse> Action { get; } = new(
        "RespondToAuthChallenge",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.RespondToAuthChallengeRequest,
        CognitoJsonContext.Default.RespondToAuthChallengeResponse);

    public string ClientId { get; set; } = string.Empty;

    public string ChallengeName { get; set; } = string.Empty;

    public string? Session { get; set; }

    public Dictionary<string, string> ChallengeResponses { get; set; } = [];

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>RespondToAuthChallenge</c> response.</summary>
internal sealed class RespondToAuthChallengeResponse
{
    public string? ChallengeName { get; set; }

    public string? Session { get; set; }

    public Dictionary<string, string>? ChallengeParameters { get; set; }

    public AuthenticationResultType? AuthenticationResult { get; set; }
}
