namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GetUserAttributeVerificationCode</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html"/>).</summary>
internal sealed class GetUserAttributeVerificationCodeRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>GetUserAttributeVerificationCode</c>: unsigned, never retried: sends a code.</summary>
    public static CognitoAction<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse> Action { get; } = new(
        "GetUserAttributeVerificationCode",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GetUserAttributeVerificationCodeRequest,
        CognitoJsonContext.Default.GetUserAttributeVerificationCodeResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string AttributeName { get; set; } = string.Empty;

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>GetUserAttributeVerificationCode</c> response.</summary>
internal sealed class GetUserAttributeVerificationCodeResponse
{
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }
}
