namespace Exanubes.Cognito.SmsSender;

/// <summary>Hands a rendered SMS to a delivery service (a development sink, Amazon SNS, Twilio, or your own).</summary>
public interface ISmsProvider
{
    /// <summary>Sends the SMS.</summary>
    /// <param name="message">The SMS; its body holds the decrypted code, so never log it.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the provider accepted the SMS.</returns>
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
