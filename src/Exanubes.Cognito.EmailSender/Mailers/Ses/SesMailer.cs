using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Sends through Amazon SES v2 <c>SendEmail</c> over its REST API, signed with Signature Version 4 by AWSSDK.Core (no
/// SES SDK): one <c>POST /v2/email/outbound-emails</c> with a simple message (subject, text and HTML parts, UTF-8), the
/// configuration set and tags. A non-2xx answer is an <see cref="EmailDeliveryException"/>.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html"/> and <see href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html"/>.</remarks>
internal sealed class SesMailer(
    IHttpClientFactory httpClientFactory,
    IOptions<SesMailerOptions> options,
    IServiceProvider services,
    TimeProvider time) : IMailer, IRequiresFromAddress
{
    internal const string HttpClientName = "Exanubes.Cognito.EmailSender.Ses";
    internal const string SigningName = "ses";
    internal const string Path = "/v2/email/outbound-emails";
    private const int MaxErrorBody = 500;

    private readonly SesMailerOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var region = _options.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new EmailDeliveryException("Ses", null, "No SES Region: set Ses:Region (Ses__Region) or AWS_REGION.");
        var endpoint = _options.ServiceUrl ?? new Uri($"https://email.{region}.amazonaws.com/");
        var uri = new Uri(endpoint, Path);
        var body = JsonSerializer.SerializeToUtf8Bytes(BuildRequest(message), SesJsonContext.Default.SesSendEmailRequest);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var credentials = await (services.GetService<AWSCredentials>() ?? DefaultAWSCredentialsIdentityResolver.GetCredentials())
            .GetCredentialsAsync().ConfigureAwait(false);
        Sign(request, body, credentials, region, time.GetUtcNow().UtcDateTime);

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EmailDeliveryException("Ses", null, $"SES at {endpoint} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException("Ses", null, $"SES at {endpoint} did not answer in time.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First().Split(':')[0] : "error";
                var detail = ReadError(text);
                var status = (int)response.StatusCode;
                throw new EmailDeliveryException("Ses", status, $"SES refused the {message.TriggerSource} email with {status} {type}: {detail}");
            }
        }
    }

    /// <summary>The request body: sender with its display name (RFC 2047-encoded when needed), one recipient, the simple content, tags, configuration set.</summary>
    internal SesSendEmailRequest BuildRequest(EmailMessage message)
    {
        var from = new MailboxAddress(message.FromName ?? string.Empty, message.FromAddress).ToString(FormatOptions.Default, true);
        var tags = _options.Tags.Count == 0 ? null : _options.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new SesMessageTag(t.Key, t.Value)).ToList();
        return new SesSendEmailRequest(
            from,
            new SesDestination([message.To]),
            new SesEmailContent(new SesMessage(
                new SesContent(message.Subject, "UTF-8"),
                new SesBody(new SesContent(message.TextBody, "UTF-8"), new SesContent(message.HtmlBody, "UTF-8")))),
            tags,
            string.IsNullOrEmpty(_options.ConfigurationSetName) ? null : _options.ConfigurationSetName);
    }

    /// <summary>Signs with SigV4 through the shared <see cref="AwsSigV4"/> (AWSSDK.Core computes the signature).</summary>
    internal static void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, string region, DateTime signedAt)
        => AwsSigV4.Sign(request, body, "application/json", credentials, region, SigningName, signedAt);

    private static string ReadError(string text)
    {
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(text, SesJsonContext.Default.SesError)?.Message;
        }
        catch (JsonException)
        {
        }

        message ??= text;
        return message.Length > MaxErrorBody ? message[..MaxErrorBody] + "…" : message;
    }
}
