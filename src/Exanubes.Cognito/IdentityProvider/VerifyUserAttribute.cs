namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>VerifyUserAttribute</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifyUserAttribute.html"/>).</summary>
internal sealed class VerifyUserAttributeRequest
{
    /// <summary>Cognito <c>VerifyUserAttribute</c>: unsigned, never retried: consumes the code.</summary>
    public static CognitoAction<VerifyUserAttributeRequest, VerifyUserAttributeResponse> Action { get; } = new(
        "VerifyUserAttribute",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.VerifyUserAttributeRequest,
        CognitoJsonContext.Default.VerifyUserAttributeResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string AttributeName { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;
}

/// <summary>The <c>VerifyUserAttribute</c> response.</summary>
internal sealed class VerifyUserAttributeResponse
{
}
