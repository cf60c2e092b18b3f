namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>DeleteUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUser.html"/>).</summary>
internal sealed class DeleteUserRequest
{
    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>DeleteUser</c> response.</summary>
internal sealed class DeleteUserResponse
{
}
