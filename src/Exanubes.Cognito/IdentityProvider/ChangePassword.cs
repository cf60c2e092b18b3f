namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ChangePassword</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html"/>).</summary>
internal sealed class ChangePasswordRequest
{
    /// <summary>Cognito <c>ChangePassword</c>: unsigned, never retried: a second run after a lost success reports a false failure.</summary>
    public static CognitoAction<ChangePasswordRequest, ChangePasswordResponse> Action { get; } = new(
        "ChangePassword",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.ChangePasswordRequest,
        CognitoJsonContext.Default.ChangePasswordResponse);

    public string ProposedPassword { get; set; } = string.Empty;

    public string AccessToken { get; set; } = string.Empty;

    public string PreviousPassword { get; set; } = string.Empty;
}

/// <summary>The <c>ChangePassword</c> response.</summary>
internal sealed class ChangePasswordResponse
{
}
