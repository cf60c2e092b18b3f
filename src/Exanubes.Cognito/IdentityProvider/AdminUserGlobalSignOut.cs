namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminUserGlobalSignOut</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html"/>).</summary>
internal sealed class AdminUserGlobalSignOutRequest
{
    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;
}

/// <summary>The <c>AdminUserGlobalSignOut</c> response.</summary>
internal sealed class AdminUserGlobalSignOutResponse
{
}
