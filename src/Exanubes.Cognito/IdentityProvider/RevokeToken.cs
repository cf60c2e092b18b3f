namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>RevokeToken</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html"/>).</summary>
internal sealed class RevokeTokenRequest
{
    public string Token { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }
}

/// <summary>The <c>RevokeToken</c> response.</summary>
internal sealed class RevokeTokenResponse
{
}
