namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Makes a custom sender send each Cognito event at most once while a lease is live: a delivery first claims the event's
/// key (<see cref="TryBeginAsync"/>), sends only if it got the claim, then marks the event completed
/// (<see cref="CompleteAsync"/>) or, when the send failed, hands the claim back (<see cref="ReleaseAsync"/>) so Lambda's
/// retry can send.
/// </summary>
/// <remarks>
/// <para>
/// Cognito invokes custom senders asynchronously, and Lambda may deliver one event more than once, even to two containers
/// at the same moment. <see cref="TryBeginAsync"/> must be atomic across everyone who shares the store: of concurrent
/// claims exactly one is <see cref="IdempotencyClaimStatus.Acquired"/>. The in-memory store is atomic within one
/// container; <c>Exanubes.Cognito.Idempotency.DynamoDb</c> is atomic across containers.
/// </para>
/// <para>
/// The honest guarantee: a completed event never sends again, and no two deliveries send while a lease is live. A send
/// that crashed after the provider accepted the mail but before <see cref="CompleteAsync"/> is sent again once its lease
/// expires, because mail and SMS providers take no idempotency key: nothing can tell "crashed before sending" from
/// "crashed after sending".
/// </para>
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for one send, unless it is completed or another live lease holds it.</summary>
    /// <param name="key">The event's key (a lowercase hex SHA-256; never a code).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claim: <see cref="IdempotencyClaimStatus.Acquired"/> (send now), <see cref="IdempotencyClaimStatus.InProgress"/> or <see cref="IdempotencyClaimStatus.Completed"/>.</returns>
    ValueTask<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken);

    /// <summary>Marks the claimed event as sent, so no delivery sends it again within the retention.</summary>
    /// <param name="claim">An <see cref="IdempotencyClaimStatus.Acquired"/> claim from <see cref="TryBeginAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once recorded.</returns>
    ValueTask CompleteAsync(IdempotencyClaim claim, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failed send, so the next delivery may send at once; a lease taken over meanwhile is left alone.</summary>
    /// <param name="claim">An <see cref="IdempotencyClaimStatus.Acquired"/> claim from <see cref="TryBeginAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once released.</returns>
    ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken);
}
