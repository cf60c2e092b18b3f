using Exanubes.Cognito.EmailSender;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Sample.EmailSender;

/// <summary>
/// The sample Custom Email Sender Lambda. Handler: <c>Exanubes.Cognito.Sample.EmailSender::Exanubes.Cognito.Sample.EmailSender.Function::HandleAsync</c>.
/// <c>Mailer__Kind</c> chooses the mailer: <c>SendGrid</c> (default), <c>Smtp</c> or <c>Development</c>.
/// </summary>
public sealed class Function : CustomEmailSenderFunction
{
    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration["Mailer:Kind"] ?? "SendGrid";
        switch (kind.ToUpperInvariant())
        {
            case "SENDGRID":
                services.AddSendGridMailer(configuration.GetSection("SendGrid"));
                break;
            case "SMTP":
                services.AddSmtpMailer(configuration.GetSection("Smtp"));
                break;
            case "DEVELOPMENT":
                services.AddDevelopmentMailer(configuration.GetSection("Development"));
                break;
            default:
                throw new InvalidOperationException($"Mailer:Kind (Mailer__Kind) is '{kind}'; expected SendGrid, Smtp or Development.");
        }
    }
}
