using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a pre token generation event.</summary>
public sealed class PreTokenGenerationRequest
{
    /// <summary>The user's attributes; empty for machine-to-machine events.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The user's groups and IAM roles as Cognito would write them.</summary>
    [JsonPropertyName("groupConfiguration")]
    public TokenGroupConfiguration? GroupConfiguration { get; set; }

    /// <summary>The scopes of the access token (versions 2 and 3).</summary>
    [JsonPropertyName("scopes")]
    public IList<string>? Scopes { get; set; }

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
