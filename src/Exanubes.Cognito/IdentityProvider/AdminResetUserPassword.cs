namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminResetUserPassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminResetUserPassword.html"/>).</summary>
internal sealed class AdminResetUserPasswordRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>AdminResetUserPassword</c>: SigV4-signed, never retried: sends a code.</summary>
    public static CognitoAction<AdminResetUserPasswordRequest, AdminResetUserPasswordResponse> Action { get; } = new(
        "AdminResetUserPassword",
        signed: true,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminResetUserPasswordRequest,
        CognitoJsonContext.Default.AdminResetUserPasswordResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>AdminResetUserPassword</c> response.</summary>
internal sealed class AdminResetUserPasswordResponse
{
}
