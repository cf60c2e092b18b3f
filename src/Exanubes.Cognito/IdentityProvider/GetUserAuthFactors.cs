using System.Text.Json.Serialization;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GetUserAuthFactors</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAuthFactors.html"/>).</summary>
internal sealed class GetUserAuthFactorsRequest
{
    /// <summary>Cognito <c>GetUserAuthFactors</c>: unsigned, retried on throttling and 5xx (read-only).</summary>
    public static CognitoAction<GetUserAuthFactorsRequest, GetUserAuthFactorsResponse> Action { get; } = new(
        "GetUserAuthFactors",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GetUserAuthFactorsRequest,
        CognitoJsonContext.Default.GetUserAuthFactorsResponse);

    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>GetUserAuthFactors</c> response.</summary>
internal sealed class GetUserAuthFactorsResponse
{
    public string? Username { get; set; }

    public string? PreferredMfaSetting { get; set; }

    [JsonPropertyName("UserMFASettingList")]
    public List<string>? UserMfaSettingList { get; set; }

    public List<string>? ConfiguredUserAuthFactors { get; set; }
}
