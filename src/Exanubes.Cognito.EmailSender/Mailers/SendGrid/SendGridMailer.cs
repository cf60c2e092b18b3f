using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Sends through SendGrid's v3 <c>mail/send</c> API: one POST with a source-generated JSON body (no SendGrid package:
/// its Newtonsoft.Json serializer writes <c>{}</c> under Native AOT). A non-2xx answer is an
/// <see cref="EmailDeliveryException"/>; a 401 or 403 with a key from SSM reads the key again once and retries when it changed.
/// </summary>
internal sealed class SendGridMailer(
    IHttpClientFactory httpClientFactory,
    IOptions<SendGridMailerOptions> options,
    SendGridApiKeySource keys) : IMailer, IRequiresFromAddress
{
    internal const string HttpClientName = "Exanubes.Cognito.EmailSender.SendGrid";
    internal static readonly string UserAgent = $"Exanubes.Cognito.EmailSender/{typeof(SendGridMailer).Assembly.GetName().Version?.ToString(3)}";
    private const int MaxErrorBody = 500;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly SendGridMailerOptions _options = options.Value;
    private readonly Uri _endpoint = new(options.Value.BaseUrl, "v3/mail/send");

    /// <summary>The exact request body for a message (also what the AOT self-test compares with the JIT build).</summary>
    internal static byte[] Body(EmailMessage message)
    {
        var request = new SendGridMailSendRequest(
            new SendGridAddress(message.FromAddress, message.FromName),
            message.Subject,
            [new SendGridPersonalization([new SendGridAddress(message.To)])],
            [new SendGridContent("text/plain", message.TextBody), new SendGridContent("text/html", message.HtmlBody)],
            new SendGridTrackingSettings(new SendGridClickTracking(Enable: false, EnableText: false)));
        return JsonSerializer.SerializeToUtf8Bytes(request, SendGridJsonContext.Default.SendGridMailSendRequest);
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Body(message);
        var key = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
        var (status, answer) = await PostAsync(body, key, cancellationToken).ConfigureAwait(false);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && keys.IsFromParameter)
        {
            // The key may have been rotated in SSM since it was read: read it once more, and retry only with a new key.
            var fresh = await keys.RefreshAfterRefusalAsync(key, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fresh, key, StringComparison.Ordinal))
            {
                (status, answer) = await PostAsync(body, fresh, cancellationToken).ConfigureAwait(false);
            }
        }

        if ((int)status is < 200 or > 299)
        {
            if (answer.Length > MaxErrorBody)
            {
                answer = answer[..MaxErrorBody] + "…";
            }

            var hint = status switch
            {
                HttpStatusCode.Unauthorized => " Check the API key (SendGrid:ApiKey or the SSM parameter SendGrid:ApiKeyParameterName).",
                HttpStatusCode.Forbidden => " Check that the API key has the Mail Send permission and that the from address is a verified sender.",
                _ => string.Empty,
            };
            throw new EmailDeliveryException("SendGrid", (int)status, $"SendGrid refused the {message.TriggerSource} email with {(int)status} {status}: {answer}.{hint}");
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(byte[] body, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = response.IsSuccessStatusCode ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, answer);
        }
        catch (HttpRequestException ex)
        {
            throw new EmailDeliveryException("SendGrid", null, $"SendGrid at {_options.BaseUrl} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException("SendGrid", null, $"SendGrid at {_options.BaseUrl} did not answer in time.", ex);
        }
    }
}
