using System.Security.Cryptography;
using System.Text;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Duplicate suppression as both custom senders run it: claim the event's key (try-begin with a lease), send, then
/// complete, or release after a failed send so a retry may send at once. A completed event is a duplicate; a live lease
/// held by another delivery is an error the caller names, so Lambda retries later.
/// </summary>
/// <remarks>
/// A failure to complete after a successful send is reported to <c>completeFailed</c> and never rethrown: a rethrow would
/// make Lambda retry, and the message would go out again. A crashed send may be retried once its lease expires.
/// </remarks>
internal static class IdempotentSend
{
    /// <summary>The outcome logged for a delivered event.</summary>
    public const string Sent = "Sent";

    /// <summary>The outcome logged for a re-delivery of a completed event.</summary>
    public const string Duplicate = "Duplicate";

    /// <summary>The duplicate key of an event with a code: the lowercase hex SHA-256 of the ciphertext (each message gets a fresh one, so only re-deliveries share it).</summary>
    public static string KeyOfCode(string encryptedCode)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(encryptedCode)));

    /// <summary>The duplicate key of an event without a code, from a kind, the pool and an event id Cognito sends.</summary>
    public static string KeyOfEvent(string kind, string? userPoolId, string eventId)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{userPoolId}\n{eventId}")));

    /// <summary>Runs <paramref name="send"/> at most once per key while a lease is live; without a key it just sends.</summary>
    /// <returns><see cref="Sent"/> or <see cref="Duplicate"/>.</returns>
    public static async Task<string> RunAsync(
        IIdempotencyStore store,
        string? key,
        Func<Task> send,
        Func<DateTimeOffset?, Exception> inProgress,
        Action<IdempotencyClaim, Exception> completeFailed,
        Action<IdempotencyClaim, Exception> releaseFailed,
        CancellationToken cancellationToken)
    {
        if (key is null)
        {
            await send().ConfigureAwait(false);
            return Sent;
        }

        var claim = await store.TryBeginAsync(key, cancellationToken).ConfigureAwait(false);
        if (claim.Status == IdempotencyClaimStatus.Completed)
        {
            return Duplicate;
        }

        if (claim.Status == IdempotencyClaimStatus.InProgress)
        {
            throw inProgress(claim.LeaseExpiresAt);
        }

        try
        {
            await send().ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                releaseFailed(claim, ex);
            }

            throw;
        }

        try
        {
            await store.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            completeFailed(claim, ex);
        }

        return Sent;
    }
}
