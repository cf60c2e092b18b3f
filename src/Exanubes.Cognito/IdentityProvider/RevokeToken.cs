namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>RevokeToken</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html"/>).</summary>
internal sealed class RevokeTokenRequest
{
    /// <summary>Cognito <c>RevokeToken</c>: unsigned, retried: repeating it leaves the same state.</summary>
    public static CognitoAction<RevokeTokenRequest, RevokeTokenResponse> Action { get; } = new(
        "RevokeToken",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.RevokeTokenRequest,
        CognitoJsonContext.Default.RevokeTokenResponse);

    public string Token { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }
}

/// <summary>The <c>RevokeToken</c> response.</summary>
internal sealed class RevokeTokenResponse
{
}
