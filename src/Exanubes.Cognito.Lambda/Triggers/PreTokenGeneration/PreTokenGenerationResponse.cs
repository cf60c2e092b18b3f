using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a pre token generation event: one of two shapes, by the event's version.</summary>
public sealed class PreTokenGenerationResponse
{
    /// <summary>The version 1 shape (ID token only).</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    public ClaimsOverrideDetails? ClaimsOverrideDetails { get; set; }

    /// <summary>The version 2 and 3 shape (ID and access tokens).</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    public ClaimsAndScopeOverrideDetails? ClaimsAndScopeOverrideDetails { get; set; }
}
