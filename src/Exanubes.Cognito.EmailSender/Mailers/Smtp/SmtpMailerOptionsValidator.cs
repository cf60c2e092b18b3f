using System.Net;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Checks <see cref="SmtpMailerOptions"/> at start-up.</summary>
internal sealed class SmtpMailerOptionsValidator : IValidateOptions<SmtpMailerOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpMailerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Smtp:Host (Smtp__Host) is required: the SMTP server host name.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Smtp:Port ({options.Port}) must be between 1 and 65535; default 587.");
        }

        if (!Enum.IsDefined(options.UseTls))
        {
            failures.Add("Smtp:UseTls must be one of None, StartTls, SslOnConnect, Auto; default StartTls.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Set both Smtp:UserName and Smtp:Password, or neither.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && options.UseTls == SmtpTlsMode.None && !IsLoopback(options.Host))
        {
            failures.Add($"Smtp:UseTls is None but Smtp:UserName is set for '{options.Host}': the password would cross the network in plain text. Use StartTls or SslOnConnect.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && options.UseTls == SmtpTlsMode.Auto && !IsLoopback(options.Host))
        {
            // Auto only upgrades when the server offers STARTTLS; a man in the middle can strip the offer, and the password then goes in plain text.
            failures.Add($"Smtp:UseTls is Auto but Smtp:UserName is set for '{options.Host}': Auto falls back to plain text when STARTTLS is not offered, so an attacker who strips the offer reads the password. Use StartTls or SslOnConnect.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Smtp:Timeout must be positive; default 00:00:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string? host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
