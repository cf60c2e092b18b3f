namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminUserGlobalSignOut</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html"/>).</summary>
internal sealed class AdminUserGlobalSignOutRequest
{
    /// <summary>Cognito <c>AdminUserGlobalSignOut</c>: SigV4-signed, retried: repeating it leaves the same state.</summary>
    public static CognitoAction<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse> Action { get; } = new(
        "AdminUserGlobalSignOut",
        signed: true,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminUserGlobalSignOutRequest,
        CognitoJsonContext.Default.AdminUserGlobalSignOutResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;
}

/// <summary>The <c>AdminUserGlobalSignOut</c> response.</summary>
internal sealed class AdminUserGlobalSignOutResponse
{
}
