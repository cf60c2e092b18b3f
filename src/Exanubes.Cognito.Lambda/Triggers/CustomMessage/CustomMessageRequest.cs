using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a custom message event.</summary>
public sealed class CustomMessageRequest
{
    /// <summary>The user's attributes. User-editable attributes are untrusted.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The placeholder Cognito replaces with the code or temporary password, normally <c>{####}</c>.</summary>
    [JsonPropertyName("codeParameter")]
    public string CodeParameter { get; set; } = string.Empty;

    /// <summary>The placeholder for the verification link (<c>{##Click here##}</c>) when the pool verifies by link; else <see langword="null"/>.</summary>
    [JsonPropertyName("linkParameter")]
    public string? LinkParameter { get; set; }

    /// <summary>The placeholder Cognito replaces with the username, normally <c>{username}</c> (AdminCreateUser); else <see langword="null"/>.</summary>
    [JsonPropertyName("usernameParameter")]
    public string? UsernameParameter { get; set; }

    /// <summary>The request's <c>ClientMetadata</c>: chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
