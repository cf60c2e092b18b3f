using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The event Cognito sends to a Custom Email Sender Lambda trigger, with the exact wire names. Parse one with
/// <see cref="Parse(ReadOnlySpan{byte})"/>, which reports a malformed event naming the field.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html"/>.</remarks>
public sealed class CustomEmailSenderEvent
{
    /// <summary>The event version (<c>version</c>), <c>1</c> today.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Why Cognito wants an email sent (<c>triggerSource</c>).</summary>
    [JsonPropertyName("triggerSource")]
    public CustomEmailSenderTriggerSource TriggerSource { get; init; }

    /// <summary>The AWS Region of the user pool (<c>region</c>).</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The user pool id (<c>userPoolId</c>), for example <c>eu-west-1_AbCdEf123</c>.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; init; }

    /// <summary>The user's username (<c>userName</c>).</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    /// <summary>Who made the request (<c>callerContext</c>).</summary>
    [JsonPropertyName("callerContext")]
    public CustomEmailSenderCallerContext? CallerContext { get; init; }

    /// <summary>The request (<c>request</c>): the encrypted code, client metadata and user attributes.</summary>
    [JsonPropertyName("request")]
    public CustomEmailSenderRequest? Request { get; init; }

    /// <summary>The response (<c>response</c>); Cognito expects nothing back from a custom sender.</summary>
    [JsonPropertyName("response")]
    public JsonElement? Response { get; init; }

    /// <summary>Parses and checks an event from its UTF-8 JSON.</summary>
    /// <param name="utf8Json">The event as Lambda delivers it.</param>
    /// <returns>The event; its required fields are present and <c>request.type</c> is <c>customEmailSenderRequestV1</c>.</returns>
    /// <exception cref="CustomEmailSenderEventException">The JSON is malformed, a required field is missing or has the wrong type, or <c>request.type</c> is not supported; the message names the field.</exception>
    public static CustomEmailSenderEvent Parse(ReadOnlySpan<byte> utf8Json) => CustomEmailSenderEventReader.Read(utf8Json);
}
