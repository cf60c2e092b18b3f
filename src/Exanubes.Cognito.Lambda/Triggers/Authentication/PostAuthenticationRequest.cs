using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a post authentication event.</summary>
public sealed class PostAuthenticationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>Whether the user signed in from a new device.</summary>
    [JsonPropertyName("newDeviceUsed")]
    public bool NewDeviceUsed { get; set; }

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
