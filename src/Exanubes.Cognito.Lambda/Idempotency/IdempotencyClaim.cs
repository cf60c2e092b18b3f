namespace Exanubes.Cognito.Lambda;

/// <summary>The answer of <see cref="IIdempotencyStore.TryBeginAsync"/>: the key, what was found, and the lease when acquired.</summary>
public sealed class IdempotencyClaim
{
    private IdempotencyClaim(string key, IdempotencyClaimStatus status, string? leaseId, DateTimeOffset? leaseExpiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Status = status;
        LeaseId = leaseId;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>The event's key.</summary>
    public string Key { get; }

    /// <summary>What was found.</summary>
    public IdempotencyClaimStatus Status { get; }

    /// <summary>The lease's owner id when <see cref="IdempotencyClaimStatus.Acquired"/>, else <see langword="null"/>; complete and release act only on this lease.</summary>
    public string? LeaseId { get; }

    /// <summary>When the lease ends (acquired or in progress), if known; after it another delivery may take the event over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; }

    /// <summary>This delivery holds the lease <paramref name="leaseId"/> until <paramref name="leaseExpiresAt"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="leaseId">A fresh, unique lease id.</param>
    /// <param name="leaseExpiresAt">When the lease ends.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="ArgumentException">The key or lease id is null or empty.</exception>
    public static IdempotencyClaim Acquired(string key, string leaseId, DateTimeOffset leaseExpiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        return new(key, IdempotencyClaimStatus.Acquired, leaseId, leaseExpiresAt);
    }

    /// <summary>Another delivery holds the lease until <paramref name="leaseExpiresAt"/> (if known).</summary>
    /// <param name="key">The key.</param>
    /// <param name="leaseExpiresAt">When the other lease ends, if known.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    public static IdempotencyClaim InProgress(string key, DateTimeOffset? leaseExpiresAt) => new(key, IdempotencyClaimStatus.InProgress, null, leaseExpiresAt);

    /// <summary>The event was sent already.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    public static IdempotencyClaim Completed(string key) => new(key, IdempotencyClaimStatus.Completed, null, null);

    /// <summary>Throws unless this claim holds a lease (for store implementations).</summary>
    /// <param name="claim">The claim passed to complete or release.</param>
    /// <returns>The lease id.</returns>
    /// <exception cref="ArgumentException">The claim was not acquired.</exception>
    public static string RequireLease(IdempotencyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Status == IdempotencyClaimStatus.Acquired && claim.LeaseId is { } lease
            ? lease
            : throw new ArgumentException($"Only an acquired claim can be completed or released; this one is {claim.Status}.", nameof(claim));
    }
}
