using System.Text.Json.Serialization;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminGetUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html"/>).</summary>
internal sealed class AdminGetUserRequest
{
    /// <summary>Cognito <c>AdminGetUser</c>: SigV4-signed, retried: a read.</summary>
    public static CognitoAction<AdminGetUserRequest, AdminGetUserResponse> Action { get; } = new(
        "AdminGetUser",
        signed: true,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminGetUserRequest,
        CognitoJsonContext.Default.AdminGetUserResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;
}

/// <summary>The <c>AdminGetUser</c> response.</summary>
internal sealed class AdminGetUserResponse
{
    public string? Username { get; set; }

    public List<AttributeType>? UserAttributes { get; set; }

    public DateTimeOffset? UserCreateDate { get; set; }

    public DateTimeOffset? UserLastModifiedDate { get; set; }

    public bool? Enabled { get; set; }

    public string? UserStatus { get; set; }

    [JsonPropertyName("MFAOptions")]
    public List<MfaOptionType>? MfaOptions { get; set; }

    public string? PreferredMfaSetting { get; set; }

    [JsonPropertyName("UserMFASettingList")]
    public List<string>? UserMfaSettingList { get; set; }
}
