using Exanubes.Cognito.EmailSender;
using Exanubes.Cognito.Idempotency.DynamoDb;
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
        // German emails for users whose sign-up, resend or password reset carried clientMetadata locale "de" or "de-*"
        // (the demo web app sends the browser's Accept-Language through CognitoCallContext); everyone else gets the
        // built-in English ones.
        services.AddEmailTemplate(German(CustomEmailSenderTriggerSource.SignUp, "Bestätigen Sie Ihre E-Mail-Adresse", "Mit diesem Code bestätigen Sie Ihr Konto:", "Oder öffnen Sie diesen Link:"));
        services.AddEmailTemplate(German(CustomEmailSenderTriggerSource.ResendCode, "Bestätigen Sie Ihre E-Mail-Adresse", "Mit diesem Code bestätigen Sie Ihr Konto:", "Oder öffnen Sie diesen Link:"));
        services.AddEmailTemplate(German(CustomEmailSenderTriggerSource.ForgotPassword, "Passwort zurücksetzen", "Mit diesem Code wählen Sie ein neues Passwort:", "Oder öffnen Sie diesen Link:"));

        // Duplicate suppression across containers when the stack made the table (CDK prop IdempotencyTable sets
        // Idempotency__TableName and grants the function its item actions); per container otherwise.
        if (configuration["Idempotency:TableName"] is { Length: > 0 } table)
        {
            services.AddDynamoDbIdempotencyStore(o => o.TableName = table);
        }

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

    private static EmailTemplate German(CustomEmailSenderTriggerSource source, string subject, string intro, string linkIntro) => new()
    {
        TriggerSource = source,
        Locale = "de",
        Subject = subject,
        HtmlBody = "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + subject + "</title></head>\n<body><h1>" + subject + "</h1><p>" + intro + "</p>"
            + "<p style=\"font-size:28px;font-family:monospace\">{{ code }}</p>\n"
            + "{% if link %}<p><a href=\"{{ link | safe_url }}\">" + linkIntro + "</a></p>{% endif %}\n"
            + "<p>Wenn Sie diese E-Mail nicht angefordert haben, können Sie sie ignorieren.</p></body></html>\n",
        TextBody = subject + "\n\n" + intro + "\n\n    {{ code }}\n\n{% if link %}" + linkIntro + " {{ link | safe_url }}\n{% endif %}\n"
            + "Wenn Sie diese E-Mail nicht angefordert haben, können Sie sie ignorieren.\n",
    };
}
