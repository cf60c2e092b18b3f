using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a pre sign-up event.</summary>
public sealed class PreSignUpResponse
{
    /// <summary>Confirm the user without a code. Default: <see langword="false"/>.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool AutoConfirmUser { get; set; }

    /// <summary>Mark the <c>phone_number</c> verified (requires <see cref="AutoConfirmUser"/>). Default: <see langword="false"/>.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool AutoVerifyPhone { get; set; }

    /// <summary>Mark the <c>email</c> verified (requires <see cref="AutoConfirmUser"/>). Default: <see langword="false"/>.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool AutoVerifyEmail { get; set; }
}
