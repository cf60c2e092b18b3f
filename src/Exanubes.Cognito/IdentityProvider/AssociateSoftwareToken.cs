namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// The <c>AssociateSoftwareToken</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html"/>):
/// either the signed-in user's access token or the session of an <c>MFA_SETUP</c> challenge.
/// </summary>
internal sealed class AssociateSoftwareTokenRequest
{
    /// <summary>Cognito <c>AssociateSoftwareToken</c>: unsigned, never retried: issues a new secret that replaces one the user may have scanned.</summary>
    public static CognitoAction<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse> Action { get; } = new(
        "AssociateSoftwareToken",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AssociateSoftwareTokenRequest,
        CognitoJsonContext.Default.AssociateSoftwareTokenResponse);

    public string? AccessToken { get; set; }

    public string? Session { get; set; }
}

/// <summary>The <c>AssociateSoftwareToken</c> response: the TOTP secret and, when a session was sent, the new session.</summary>
internal sealed class AssociateSoftwareTokenResponse
{
    public string? SecretCode { get; set; }

    public string? Session { get; set; }
}
