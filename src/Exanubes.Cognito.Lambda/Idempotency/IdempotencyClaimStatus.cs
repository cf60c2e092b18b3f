namespace Exanubes.Cognito.Lambda;

/// <summary>What <see cref="IIdempotencyStore.TryBeginAsync"/> found for an event's key.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>This delivery holds the lease and should send.</summary>
    Acquired,

    /// <summary>Another delivery holds a live lease: it is sending, or crashed and its lease has not expired yet.</summary>
    InProgress,

    /// <summary>The event was sent already; never send it again.</summary>
    Completed,
}
