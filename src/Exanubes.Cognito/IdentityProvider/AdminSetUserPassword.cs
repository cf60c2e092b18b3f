namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminSetUserPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html"/>).</summary>
internal sealed class AdminSetUserPasswordRequest
{
    /// <summary>
    /// Cognito <c>AdminSetUserPassword</c>: SigV4-signed, never retried: with a password-history policy a second run
    /// after a lost success reports a false failure.
    /// </summary>
    public static CognitoAction<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse> Action { get; } = new(
        "AdminSetUserPassword",
        signed: true,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminSetUserPasswordRequest,
        CognitoJsonContext.Default.AdminSetUserPasswordResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public bool? Permanent { get; set; }
}

/// <summary>The <c>AdminSetUserPassword</c> response (empty).</summary>
internal sealed class AdminSetUserPasswordResponse
{
}
