namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>SignUp</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html"/>).</summary>
internal sealed class SignUpRequest : ICognitoClientMetadataRequest, ICognitoUserContextRequest
{
    /// <summary>Cognito <c>SignUp</c>: unsigned, never retried: sends a confirmation code.</summary>
    public static CognitoAction<SignUpRequest, SignUpResponse> Action { get; } = new(
        "SignUp",
        signed: false,
        retryable: false,
        CognitoRequestContext.UserContextData,
        CognitoJsonContext.Default.SignUpRequest,
        CognitoJsonContext.Default.SignUpResponse);

    public string ClientId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string? SecretHash { get; set; }

    public string? Password { get; set; }

    public List<AttributeType>? UserAttributes { get; set; }

    public List<AttributeType>? ValidationData { get; set; }

    public AnalyticsMetadataType? AnalyticsMetadata { get; set; }

    public UserContextDataType? UserContextData { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>SignUp</c> response.</summary>
internal sealed class SignUpResponse
{
    public bool UserConfirmed { get; set; }

    public string? UserSub { get; set; }

    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; set; }

    public string? Session { get; set; }
}
