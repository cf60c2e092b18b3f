using System.Text.Json.Serialization;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GetUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html"/>).</summary>
internal sealed class GetUserRequest
{
    /// <summary>Cognito <c>GetUser</c>: unsigned, retried: a read.</summary>
    public static CognitoAction<GetUserRequest, GetUserResponse> Action { get; } = new(
        "GetUser",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GetUserRequest,
        CognitoJsonContext.Default.GetUserResponse);

    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>GetUser</c> response.</summary>
internal sealed class GetUserResponse
{
    public string? Username { get; set; }

    public List<AttributeType>? UserAttributes { get; set; }

    [JsonPropertyName("MFAOptions")]
    public List<MfaOptionType>? MfaOptions { get; set; }

    public string? PreferredMfaSetting { get; set; }

    [JsonPropertyName("UserMFASettingList")]
    public List<string>? UserMfaSettingList { get; set; }
}
