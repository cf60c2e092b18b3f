using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary><c>idTokenGeneration</c> or <c>accessTokenGeneration</c>: claims to add, override or suppress, and (access token only) scopes.</summary>
public sealed class TokenClaimsGeneration
{
    /// <summary>Claims to add or override; values may be strings, numbers, booleans, arrays or objects.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, JsonNode?>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }

    /// <summary>Scopes to add to the access token's <c>scope</c> claim.</summary>
    [JsonPropertyName("scopesToAdd")]
    public IList<string>? ScopesToAdd { get; set; }

    /// <summary>Scopes to remove from the access token's <c>scope</c> claim.</summary>
    [JsonPropertyName("scopesToSuppress")]
    public IList<string>? ScopesToSuppress { get; set; }
}
