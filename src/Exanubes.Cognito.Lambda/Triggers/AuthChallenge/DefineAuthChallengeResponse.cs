using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a define auth challenge event.</summary>
public sealed class DefineAuthChallengeResponse
{
    /// <summary>The next challenge (<c>CUSTOM_CHALLENGE</c>, <c>PASSWORD_VERIFIER</c>, ...). Default: <see langword="null"/>.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Issue tokens now: the user has proven enough. Default: <see langword="false"/>.</summary>
    [JsonPropertyName("issueTokens")]
    public bool IssueTokens { get; set; }

    /// <summary>End the sign-in as failed. Default: <see langword="false"/>.</summary>
    [JsonPropertyName("failAuthentication")]
    public bool FailAuthentication { get; set; }
}
