using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The body of SendGrid's v3 <c>mail/send</c> request, with only the fields the sender sets, in the order the API
/// reference lists them. Serialized by <see cref="SendGridJsonContext"/> (source-generated, so Native AOT writes the
/// same bytes as the JIT). See <see href="https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send"/>.
/// </summary>
internal sealed record SendGridMailSendRequest(
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridContent> Content,
    [property: JsonPropertyName("tracking_settings")] SendGridTrackingSettings TrackingSettings);

/// <summary>An address; <c>name</c> is left out when null.</summary>
internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name = null);

/// <summary>One personalization: the recipients.</summary>
internal sealed record SendGridPersonalization([property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To);

/// <summary>One body part: <c>text/plain</c> first, then <c>text/html</c>, as the API requires.</summary>
internal sealed record SendGridContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

/// <summary>Tracking settings: click tracking off, so links carrying the code are not rewritten through a redirector.</summary>
internal sealed record SendGridTrackingSettings([property: JsonPropertyName("click_tracking")] SendGridClickTracking ClickTracking);

/// <summary>Click tracking switches.</summary>
internal sealed record SendGridClickTracking(
    [property: JsonPropertyName("enable")] bool Enable,
    [property: JsonPropertyName("enable_text")] bool EnableText);
