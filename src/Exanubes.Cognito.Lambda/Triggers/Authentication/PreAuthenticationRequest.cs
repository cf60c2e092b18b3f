using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a pre authentication event.</summary>
public sealed class PreAuthenticationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The <c>ClientMetadata</c> (InitiateAuth) or validation data of the request: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Whether the user does not exist (only sent when the app client has <c>PreventUserExistenceErrors</c> enabled).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
