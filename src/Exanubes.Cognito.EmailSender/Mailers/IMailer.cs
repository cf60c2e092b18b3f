namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Hands a rendered email to a delivery service. The pipeline calls it once per Cognito event, after decrypting and
/// rendering; register one with <c>AddSendGridMailer</c>, <c>AddSmtpMailer</c>, <c>AddDevelopmentMailer</c> or your own
/// singleton.
/// </summary>
public interface IMailer
{
    /// <summary>Sends the email.</summary>
    /// <param name="message">The rendered email; its bodies contain the decrypted code, so never log them.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the provider accepted the email.</returns>
    /// <exception cref="EmailDeliveryException">The provider was unreachable or refused the email; the invocation fails and Lambda retries it.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
