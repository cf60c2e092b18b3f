using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>request</c> of a custom sender event (SMS or email): the encrypted code, the user's attributes and the client metadata.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sms-sender.html"/>.</remarks>
public sealed class CustomSenderRequest
{
    /// <summary>The request type (<c>type</c>), <c>customSMSSenderRequestV1</c> or <c>customEmailSenderRequestV1</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>
    /// The code (<c>code</c>): a base64 AWS Encryption SDK message encrypted under the custom sender's KMS key, bound to the
    /// pool by the encryption context <c>userpool-id</c>. Its plaintext is a code or a temporary password: never log it.
    /// </summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>The request's <c>ClientMetadata</c> (<c>clientMetadata</c>): chosen by the caller, untrusted.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>The user's attributes (<c>userAttributes</c>), such as <c>phone_number</c> and <c>sub</c>. User-editable attributes are untrusted.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string> UserAttributes { get; set; } = [];
}
