using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>A trigger <c>request</c> that carries only the user's attributes and the request's client metadata (post confirmation).</summary>
public sealed class UserAttributesRequest
{
    /// <summary>The user's attributes. User-editable attributes are untrusted.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
