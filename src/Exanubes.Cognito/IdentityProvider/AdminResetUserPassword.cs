namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminResetUserPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminResetUserPassword.html"/>).</summary>
internal sealed class AdminResetUserPasswordRequest
{
    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>AdminResetUserPassword</c> response.</summary>
internal sealed class AdminResetUserPasswordResponse
{
}
