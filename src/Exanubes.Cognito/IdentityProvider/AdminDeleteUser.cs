namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminDeleteUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteUser.html"/>).</summary>
internal sealed class AdminDeleteUserRequest
{
    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;
}

/// <summary>The <c>AdminDeleteUser</c> response.</summary>
internal sealed class AdminDeleteUserResponse
{
}
