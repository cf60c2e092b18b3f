namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>UpdateUserAttributes</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html"/>).</summary>
internal sealed class UpdateUserAttributesRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>UpdateUserAttributes</c>: unsigned, never retried: may send a verification code.</summary>
    public static CognitoAction<UpdateUserAttributesRequest, UpdateUserAttributesResponse> Action { get; } = new(
        "UpdateUserAttributes",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.UpdateUserAttributesRequest,
        CognitoJsonContext.Default.UpdateUserAttributesResponse);

    public List<AttributeType> UserAttributes { get; set; } = [];

    public string AccessToken { get; set; } = string.Empty;

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>UpdateUserAttributes</c> response.</summary>
internal sealed class UpdateUserAttributesResponse
{
    public List<CodeDeliveryDetailsType>? CodeDeliveryDetailsList { get; set; }
}
