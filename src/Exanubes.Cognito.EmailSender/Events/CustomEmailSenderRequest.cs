using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>The <c>request</c> of a Custom Email Sender event.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html"/>.</remarks>
public sealed class CustomEmailSenderRequest
{
    /// <summary>The request type Cognito sends: <c>customEmailSenderRequestV1</c>.</summary>
    public const string TypeV1 = "customEmailSenderRequestV1";

    /// <summary>The request type (<c>type</c>); must be <see cref="TypeV1"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>
    /// The code (<c>code</c>): a base64 AWS Encryption SDK message encrypted under the user pool's KMS key;
    /// <see langword="null"/> for account-takeover notices.
    /// </summary>
    /// <remarks>The plaintext is a verification code, a one-time sign-in code or a temporary password: never log it.</remarks>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>The <c>ClientMetadata</c> the app passed to the Cognito action (<c>clientMetadata</c>), if any.</summary>
    [JsonPropertyName("clientMetadata")]
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    /// <summary>The user's attributes (<c>userAttributes</c>), such as <c>email</c> and <c>sub</c>.</summary>
    [JsonPropertyName("userAttributes")]
    public IReadOnlyDictionary<string, string>? UserAttributes { get; init; }
}
