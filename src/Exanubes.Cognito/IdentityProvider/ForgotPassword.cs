namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ForgotPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html"/>).</summary>
internal sealed class ForgotPasswordRequest
{
    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>ForgotPassword</c> response.</summary>
internal sealed class ForgotPasswordResponse
{
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }
}
