using Exanubes.Cognito.Lambda;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Writes each email to a folder as <c>.eml</c> or prints it to standard output; for local stacks and demos.</summary>
internal sealed class DevelopmentMailer(IOptions<DevelopmentMailerOptions> options, StandardOutput output, TimeProvider time, ILogger<DevelopmentMailer> logger) : IMailer
{
    private readonly DevelopmentMailerOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(_options.Folder))
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"--- development mailer: {message.TriggerSource} ---\nFrom: {message.FromAddress}\nTo: {message.To}\nSubject: {message.Subject}\n\n{message.TextBody}\n--- end ---");
            output.WriteLine(text);
            return;
        }

        Directory.CreateDirectory(_options.Folder);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{message.TriggerSource.Value.Replace("CustomEmailSender_", string.Empty, StringComparison.Ordinal)}-{Guid.NewGuid():N}.eml");
        var path = Path.Combine(_options.Folder, name);
        var mime = MimeMessageFactory.Create(message);
        var file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await mime.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        Log.DevelopmentMailerWrote(logger, message.TriggerSource.Value, path);
    }
}
