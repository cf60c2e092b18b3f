using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a migrate user event.</summary>
public sealed class UserMigrationRequest
{
    /// <summary>The password the user typed (<c>UserMigration_Authentication</c> only). Secret: never log it.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>The request's validation data: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
