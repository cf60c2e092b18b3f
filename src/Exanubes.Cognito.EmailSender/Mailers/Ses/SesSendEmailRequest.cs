using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>The body of SES v2 <c>SendEmail</c> (<c>POST /v2/email/outbound-emails</c>), with the model's member names (botocore <c>sesv2</c> <c>SendEmailRequest</c>).</summary>
internal sealed record SesSendEmailRequest(
    [property: JsonPropertyName("FromEmailAddress")] string FromEmailAddress,
    [property: JsonPropertyName("Destination")] SesDestination Destination,
    [property: JsonPropertyName("Content")] SesEmailContent Content,
    [property: JsonPropertyName("EmailTags")] IReadOnlyList<SesMessageTag>? EmailTags,
    [property: JsonPropertyName("ConfigurationSetName")] string? ConfigurationSetName);

internal sealed record SesDestination([property: JsonPropertyName("ToAddresses")] IReadOnlyList<string> ToAddresses);

internal sealed record SesEmailContent([property: JsonPropertyName("Simple")] SesMessage Simple);

internal sealed record SesMessage([property: JsonPropertyName("Subject")] SesContent Subject, [property: JsonPropertyName("Body")] SesBody Body);

internal sealed record SesBody([property: JsonPropertyName("Text")] SesContent Text, [property: JsonPropertyName("Html")] SesContent Html);

internal sealed record SesContent([property: JsonPropertyName("Data")] string Data, [property: JsonPropertyName("Charset")] string Charset);

internal sealed record SesMessageTag([property: JsonPropertyName("Name")] string Name, [property: JsonPropertyName("Value")] string Value);

/// <summary>The error body SES answers with (<c>message</c>, sometimes <c>Message</c>).</summary>
internal sealed record SesError([property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated JSON for the SES request and error, so the mailer stays trim- and AOT-clean.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SesSendEmailRequest))]
[JsonSerializable(typeof(SesError))]
internal sealed partial class SesJsonContext : JsonSerializerContext;
