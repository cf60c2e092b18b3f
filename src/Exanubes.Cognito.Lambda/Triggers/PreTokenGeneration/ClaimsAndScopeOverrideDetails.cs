using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The version 2 and 3 <c>claimsAndScopeOverrideDetails</c>.</summary>
public sealed class ClaimsAndScopeOverrideDetails
{
    /// <summary>ID token changes (never for machine-to-machine events: there is no ID token).</summary>
    [JsonPropertyName("idTokenGeneration")]
    public TokenClaimsGeneration? IdTokenGeneration { get; set; }

    /// <summary>Access token changes, scopes included.</summary>
    [JsonPropertyName("accessTokenGeneration")]
    public TokenClaimsGeneration? AccessTokenGeneration { get; set; }

    /// <summary>Groups and roles to write instead of the user's.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public TokenGroupConfiguration? GroupOverrideDetails { get; set; }
}
