using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a define auth challenge event.</summary>
public sealed class DefineAuthChallengeRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The rounds so far, oldest first.</summary>
    [JsonPropertyName("session")]
    public IList<AuthChallengeRound> Session { get; set; } = [];

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Whether the user does not exist (only with <c>PreventUserExistenceErrors</c>).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
