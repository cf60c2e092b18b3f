using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The version 1 <c>claimsOverrideDetails</c>: ID token claims (string values) and groups.</summary>
public sealed class ClaimsOverrideDetails
{
    /// <summary>Claims to add or override in the ID token; values are strings in version 1.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, string>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove from the ID token.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }

    /// <summary>Groups and roles to write instead of the user's.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public TokenGroupConfiguration? GroupOverrideDetails { get; set; }
}
