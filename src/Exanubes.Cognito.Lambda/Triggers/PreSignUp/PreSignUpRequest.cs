using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a pre sign-up event. Every value is chosen by the caller of SignUp: untrusted.</summary>
public sealed class PreSignUpRequest
{
    /// <summary>The attributes the user signs up with (<c>email</c>, <c>phone_number</c>, custom attributes, ...).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];

    /// <summary>The <c>ValidationData</c> of the SignUp or AdminCreateUser request; not stored by Cognito.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>The <c>ClientMetadata</c> of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
