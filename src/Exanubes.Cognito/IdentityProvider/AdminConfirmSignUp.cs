namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminConfirmSignUp</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminConfirmSignUp.html"/>).</summary>
internal sealed class AdminConfirmSignUpRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>AdminConfirmSignUp</c>: SigV4-signed, never retried: a second run after a lost success reports a false failure.</summary>
    public static CognitoAction<AdminConfirmSignUpRequest, AdminConfirmSignUpResponse> Action { get; } = new(
        "AdminConfirmSignUp",
        signed: true,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminConfirmSignUpRequest,
        CognitoJsonContext.Default.AdminConfirmSignUpResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>AdminConfirmSignUp</c> response.</summary>
internal sealed class AdminConfirmSignUpResponse
{
}
