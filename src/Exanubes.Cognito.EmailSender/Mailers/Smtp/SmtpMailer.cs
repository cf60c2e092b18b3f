using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Sends over SMTP with MailKit, one connection per email; every failure is an <see cref="EmailDeliveryException"/>.</summary>
internal sealed class SmtpMailer(IOptions<SmtpMailerOptions> options) : IMailer, IRequiresFromAddress
{
    private readonly SmtpMailerOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = MimeMessageFactory.Create(message);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var where = $"{_options.Host}:{_options.Port}";
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, ToMailKit(_options.UseTls), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailDeliveryException("Smtp", (int)ex.StatusCode, $"The SMTP server {where} refused the {message.TriggerSource} email ({(int)ex.StatusCode} {ex.ErrorCode}): {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailDeliveryException("Smtp", null, $"The SMTP server {where} rejected the credentials in Smtp:UserName/Smtp:Password: {ex.Message}", ex);
        }
        catch (SocketException ex)
        {
            throw new EmailDeliveryException("Smtp", null, $"The SMTP server {where} could not be reached ({ex.SocketErrorCode}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or IOException or NotSupportedException
            || (ex is TimeoutException) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailDeliveryException("Smtp", null, $"Sending the {message.TriggerSource} email through {where} failed: {ex.Message}", ex);
        }
    }

    private static SecureSocketOptions ToMailKit(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpTlsMode.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
