using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>One earlier round of a custom authentication flow, as listed in <c>request.session</c>.</summary>
public sealed class AuthChallengeRound
{
    /// <summary>The challenge: <c>CUSTOM_CHALLENGE</c>, <c>PASSWORD_VERIFIER</c>, <c>SMS_MFA</c>, <c>SRP_A</c>, ...</summary>
    [JsonPropertyName("challengeName")]
    public string ChallengeName { get; set; } = string.Empty;

    /// <summary>Whether the user answered it correctly.</summary>
    [JsonPropertyName("challengeResult")]
    public bool ChallengeResult { get; set; }

    /// <summary>The <c>challengeMetadata</c> the create trigger set for a <c>CUSTOM_CHALLENGE</c>; else <see langword="null"/>.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
