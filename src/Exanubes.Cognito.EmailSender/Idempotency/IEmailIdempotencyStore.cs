namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Remembers which Cognito events were already delivered, so a re-delivered event is not emailed twice. Cognito invokes
/// custom senders asynchronously: Lambda retries a failed invocation and may deliver one event more than once.
/// </summary>
/// <remarks>
/// Keys are the lowercase hex SHA-256 of the event's encrypted <c>request.code</c> (never the code itself); each
/// Cognito email carries a fresh ciphertext, so only re-deliveries of the same event share a key. The default is an
/// in-memory store per Lambda container; register your own singleton (DynamoDB, Redis) to share it across containers.
/// </remarks>
public interface IEmailIdempotencyStore
{
    /// <summary>Whether an email with this key was already sent.</summary>
    /// <param name="key">The key: lowercase hex SHA-256 of the encrypted code.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns><see langword="true"/> to skip sending.</returns>
    ValueTask<bool> WasSentAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records that the email with this key was sent; called only after the mailer succeeded.</summary>
    /// <param name="key">The key: lowercase hex SHA-256 of the encrypted code.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once recorded.</returns>
    ValueTask MarkSentAsync(string key, CancellationToken cancellationToken);
}
