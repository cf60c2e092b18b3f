namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GetTokensFromRefreshToken</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html"/>).</summary>
internal sealed class GetTokensFromRefreshTokenRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>GetTokensFromRefreshToken</c>: unsigned, never retried: may consume a rotated refresh token.</summary>
    public static CognitoAction<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> Action { get; } = new(
        "GetTokensFromRefreshToken",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GetTokensFromRefreshTokenRequest,
        CognitoJsonContext.Default.GetTokensFromRefreshTokenResponse);

    public string RefreshToken { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    public string? DeviceKey { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>GetTokensFromRefreshToken</c> response.</summary>
internal sealed class GetTokensFromRefreshTokenResponse
{
    public AuthenticationResultType? AuthenticationResult { get; set; }
}
