using System.Net;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Sends through the SendGrid v3 <c>mail/send</c> API with the official client; a non-2xx answer is an <see cref="EmailDeliveryException"/>.</summary>
internal sealed class SendGridMailer(
    IHttpClientFactory httpClientFactory,
    IOptions<SendGridMailerOptions> options,
    IServiceProvider services,
    ILogger<SendGridMailer> logger) : IMailer, IRequiresFromAddress, IDisposable
{
    internal const string HttpClientName = "Exanubes.Cognito.EmailSender.SendGrid";
    private const int MaxErrorBody = 500;

    private readonly SendGridMailerOptions _options = options.Value;
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private string? _apiKey;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var apiKey = await GetApiKeyAsync(cancellationToken).ConfigureAwait(false);
        var client = new SendGridClient(
            httpClientFactory.CreateClient(HttpClientName),
            new SendGridClientOptions { ApiKey = apiKey, Host = _options.BaseUrl.AbsoluteUri.TrimEnd('/') });

        var mail = new SendGridMessage();
        mail.SetFrom(new EmailAddress(message.FromAddress, message.FromName));
        mail.AddTo(new EmailAddress(message.To));
        mail.Subject = message.Subject;
        mail.AddContent(MimeType.Text, message.TextBody);
        mail.AddContent(MimeType.Html, message.HtmlBody);

        // Click tracking would rewrite the verify/reset links (which carry the code) through SendGrid's redirector.
        mail.SetClickTracking(false, false);

        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EmailDeliveryException("SendGrid", null, $"SendGrid at {_options.BaseUrl} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException("SendGrid", null, $"SendGrid at {_options.BaseUrl} did not answer in time.", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length > MaxErrorBody)
            {
                body = body[..MaxErrorBody] + "…";
            }

            var status = (int)response.StatusCode;
            var hint = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => " Check the API key (SendGrid:ApiKey or the SSM parameter SendGrid:ApiKeyParameterName).",
                HttpStatusCode.Forbidden => " Check that the API key has the Mail Send permission and that the from address is a verified sender.",
                _ => string.Empty,
            };
            throw new EmailDeliveryException("SendGrid", status, $"SendGrid refused the {message.TriggerSource} email with {status} {response.StatusCode}: {body}.{hint}");
        }
    }

    public void Dispose() => _keyGate.Dispose();

    private async ValueTask<string> GetApiKeyAsync(CancellationToken cancellationToken)
    {
        if (_apiKey is not null)
        {
            return _apiKey;
        }

        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            return _apiKey = _options.ApiKey;
        }

        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_apiKey is not null)
            {
                return _apiKey;
            }

            var name = _options.ApiKeyParameterName!;
            var ssm = services.GetRequiredService<IAmazonSimpleSystemsManagement>();
            GetParameterResponse parameter;
            try
            {
                parameter = await ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonSimpleSystemsManagementException ex)
            {
                throw new EmailDeliveryException("SendGrid", null,
                    $"The SendGrid API key could not be read from SSM parameter '{name}' ({ex.ErrorCode}): {ex.Message} The function's role needs ssm:GetParameter on it (and kms:Decrypt on its key if it is not the AWS managed key).", ex);
            }

            var value = parameter.Parameter?.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new EmailDeliveryException("SendGrid", null, $"SSM parameter '{name}' holds no SendGrid API key.");
            }

            Log.SendGridApiKeyLoaded(logger, name);
            return _apiKey = value.Trim();
        }
        finally
        {
            _keyGate.Release();
        }
    }
}
