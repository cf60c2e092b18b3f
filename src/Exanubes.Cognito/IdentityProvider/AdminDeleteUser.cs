namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminDeleteUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteUser.html"/>).</summary>
internal sealed class AdminDeleteUserRequest
{
    /// <summary>Cognito <c>AdminDeleteUser</c>: SigV4-signed, never retried: a second run after a lost success reports a false failure.</summary>
    public static CognitoAction<AdminDeleteUserRequest, AdminDeleteUserResponse> Action { get; } = new(
        "AdminDeleteUser",
        signed: true,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminDeleteUserRequest,
        CognitoJsonContext.Default.AdminDeleteUserResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;
}

/// <summary>The <c>AdminDeleteUser</c> response.</summary>
internal sealed class AdminDeleteUserResponse
{
}
