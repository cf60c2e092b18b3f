using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Exanubes.Cognito.Lambda;
using Exanubes.EncryptionSdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Sends through Amazon SNS <c>Publish</c> to a phone number over SNS's public query API (no SNS SDK): one form-encoded
/// <c>POST /</c> with <c>PhoneNumber</c>, <c>Message</c> and the SMS message attributes (<c>AWS.SNS.SMS.SMSType</c>, and
/// optionally <c>AWS.SNS.SMS.SenderID</c> and <c>AWS.MM.SMS.OriginationNumber</c>), signed with Signature Version 4 by
/// AWSSDK.Core. SNS answers in XML (the query protocol), read with <c>System.Xml.Linq</c>; a non-2xx answer is an
/// <see cref="SmsDeliveryException"/> naming SNS's error code.
/// </summary>
/// <remarks>
/// See <see href="https://docs.aws.amazon.com/sns/latest/api/API_Publish.html"/> and
/// <see href="https://docs.aws.amazon.com/sns/latest/dg/sms_publish-to-phone.html"/>. Member names and their
/// serialization (<c>MessageAttributes.entry.N.Name</c>, <c>.Value.DataType</c>, <c>.Value.StringValue</c>) follow the
/// official model; the tests compare the body with botocore's query serializer.
/// </remarks>
internal sealed class SnsSmsProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<SnsSmsProviderOptions> options,
    IServiceProvider services,
    TimeProvider time) : ISmsProvider
{
    internal const string HttpClientName = "Exanubes.Cognito.SmsSender.Sns";
    internal const string SigningName = "sns";
    internal const string ApiVersion = "2010-03-31";
    internal const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private const int MaxErrorText = 500;

    private readonly SnsSmsProviderOptions _options = options.Value;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var region = _options.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new SmsDeliveryException("Sns", null, "No SNS Region: set Sns:Region (Sns__Region) or AWS_REGION.");
        var endpoint = _options.ServiceUrl ?? new Uri($"https://sns.{region}.amazonaws.com/");
        var body = Encoding.UTF8.GetBytes(FormBody(message));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var credentials = await (services.GetService<AWSCredentials>() ?? DefaultAWSCredentialsIdentityResolver.GetCredentials())
            .GetCredentialsAsync().ConfigureAwait(false);
        AwsSigV4.Sign(request, body, ContentType, credentials, region, SigningName, time.GetUtcNow().UtcDateTime);

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SmsDeliveryException("Sns", null, $"SNS at {endpoint} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsDeliveryException("Sns", null, $"SNS at {endpoint} did not answer in time.", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, detail) = ReadError(text);
                var status = (int)response.StatusCode;
                throw new SmsDeliveryException("Sns", status, $"SNS refused the {message.TriggerSource} SMS with {status} {code}: {detail}");
            }

            if (ReadMessageId(text) is null)
            {
                throw new SmsDeliveryException("Sns", (int)response.StatusCode, $"SNS answered the {message.TriggerSource} SMS without a PublishResult/MessageId; is Sns:ServiceUrl an SNS endpoint?");
            }
        }
    }

    /// <summary>The form body in the model's member order (PhoneNumber, Message, MessageAttributes), attributes sorted by name as botocore writes a map.</summary>
    internal string FormBody(SmsMessage message)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["AWS.SNS.SMS.SMSType"] = _options.SmsType };
        if (!string.IsNullOrEmpty(_options.SenderId))
        {
            attributes["AWS.SNS.SMS.SenderID"] = _options.SenderId;
        }

        if (!string.IsNullOrEmpty(_options.OriginationNumber))
        {
            attributes["AWS.MM.SMS.OriginationNumber"] = _options.OriginationNumber;
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", ApiVersion),
            new("PhoneNumber", message.PhoneNumber),
            new("Message", message.Body),
        };
        var index = 1;
        foreach (var (name, value) in attributes)
        {
            var prefix = $"MessageAttributes.entry.{index++}";
            form.Add(new($"{prefix}.Name", name));
            form.Add(new($"{prefix}.Value.DataType", "String"));
            form.Add(new($"{prefix}.Value.StringValue", value));
        }

        return string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    internal static string? ReadMessageId(string xml)
    {
        try
        {
            return XDocument.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "MessageId")?.Value;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static (string Code, string Message) ReadError(string xml)
    {
        try
        {
            var error = XDocument.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            var text = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            if (code is not null)
            {
                return (code, Shorten(text ?? string.Empty));
            }
        }
        catch (XmlException)
        {
        }

        return ("error", Shorten(xml));
    }

    private static string Shorten(string text) => UntrustedText.Safe(text.Length > MaxErrorText ? text[..MaxErrorText] + "…" : text);
}
