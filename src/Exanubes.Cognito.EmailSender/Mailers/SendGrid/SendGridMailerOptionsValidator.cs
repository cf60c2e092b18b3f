using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Checks <see cref="SendGridMailerOptions"/> at start-up; messages name the setting, never its value for the key.</summary>
internal sealed class SendGridMailerOptionsValidator : IValidateOptions<SendGridMailerOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridMailerOptions options)
    {
        var failures = new List<string>();
        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        var hasParameter = !string.IsNullOrWhiteSpace(options.ApiKeyParameterName);
        if (hasKey == hasParameter)
        {
            failures.Add("Set exactly one of SendGrid:ApiKey (SendGrid__ApiKey) or SendGrid:ApiKeyParameterName (SendGrid__ApiKeyParameterName, an SSM SecureString parameter name such as /my-app/sendgrid-api-key).");
        }

        if (options.ApiKeyRefreshInterval <= TimeSpan.Zero)
        {
            failures.Add($"SendGrid:ApiKeyRefreshInterval (SendGrid__ApiKeyRefreshInterval) must be positive, for example 00:15:00; it is {options.ApiKeyRefreshInterval}.");
        }

        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("SendGrid:BaseUrl must be an absolute URL; default https://api.sendgrid.com.");
        }
        else if (options.BaseUrl.Scheme != Uri.UriSchemeHttps && !(options.BaseUrl.Scheme == Uri.UriSchemeHttp && options.BaseUrl.IsLoopback))
        {
            failures.Add($"SendGrid:BaseUrl ('{options.BaseUrl}') must use https (plain http is accepted only on a loopback address, for tests): the API key travels in its Authorization header.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
