namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GlobalSignOut</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html"/>).</summary>
internal sealed class GlobalSignOutRequest
{
    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>GlobalSignOut</c> response.</summary>
internal sealed class GlobalSignOutResponse
{
}
