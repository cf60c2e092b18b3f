using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a create auth challenge event.</summary>
public sealed class CreateAuthChallengeResponse
{
    /// <summary>What the client sees (<c>ChallengeParameters</c> of the RespondToAuthChallenge answer). Never put the answer here.</summary>
    [JsonPropertyName("publicChallengeParameters")]
    public Dictionary<string, string>? PublicChallengeParameters { get; set; }

    /// <summary>What only the verify trigger sees, for example the expected answer.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>A name for this round, shown to the define trigger in later <c>session</c> entries.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
