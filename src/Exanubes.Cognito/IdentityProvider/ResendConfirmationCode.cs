namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ResendConfirmationCode</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html"/>).</summary>
internal sealed class ResendConfirmationCodeRequest
{
    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>ResendConfirmationCode</c> response.</summary>
internal sealed class ResendConfirmationCodeResponse
{
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }
}
