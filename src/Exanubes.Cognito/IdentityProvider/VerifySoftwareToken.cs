namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// The <c>VerifySoftwareToken</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html"/>):
/// the code from the authenticator app, with either the access token or the session from <c>AssociateSoftwareToken</c>.
/// </summary>
internal sealed class VerifySoftwareTokenRequest
{
    /// <summary>Cognito <c>VerifySoftwareToken</c>: unsigned, never retried: consumes the session and counts failed codes.</summary>
    public static CognitoAction<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse> Action { get; } = new(
        "VerifySoftwareToken",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.VerifySoftwareTokenRequest,
        CognitoJsonContext.Default.VerifySoftwareTokenResponse);

    public string UserCode { get; set; } = string.Empty;

    public string? AccessToken { get; set; }

    public string? Session { get; set; }

    public string? FriendlyDeviceName { get; set; }
}

/// <summary>The <c>VerifySoftwareToken</c> response: <c>SUCCESS</c> or <c>ERROR</c>, and the session to answer <c>MFA_SETUP</c> with.</summary>
internal sealed class VerifySoftwareTokenResponse
{
    public string? Status { get; set; }

    public string? Session { get; set; }
}
