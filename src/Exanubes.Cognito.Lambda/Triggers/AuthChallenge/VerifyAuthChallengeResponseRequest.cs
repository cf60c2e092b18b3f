using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a verify auth challenge response event.</summary>
public sealed class VerifyAuthChallengeResponseRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The create trigger's <c>privateChallengeParameters</c>.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>The user's answer: untrusted; compare it in constant time when it is a secret.</summary>
    [JsonPropertyName("challengeAnswer")]
    public string? ChallengeAnswer { get; set; }

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Whether the user does not exist (only with <c>PreventUserExistenceErrors</c>).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
