namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminCreateUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html"/>).</summary>
internal sealed class AdminCreateUserRequest : ICognitoClientMetadataRequest
{
    /// <summary>Cognito <c>AdminCreateUser</c>: SigV4-signed, never retried: sends an invitation.</summary>
    public static CognitoAction<AdminCreateUserRequest, AdminCreateUserResponse> Action { get; } = new(
        "AdminCreateUser",
        signed: true,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminCreateUserRequest,
        CognitoJsonContext.Default.AdminCreateUserResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public List<AttributeType>? UserAttributes { get; set; }

    public List<AttributeType>? ValidationData { get; set; }

    public string? TemporaryPassword { get; set; }

    public bool? ForceAliasCreation { get; set; }

    public string? MessageAction { get; set; }

    public List<string>? DesiredDeliveryMediums { get; set; }

    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>AdminCreateUser</c> response.</summary>
internal sealed class AdminCreateUserResponse
{
    public UserType? User { get; set; }
}
