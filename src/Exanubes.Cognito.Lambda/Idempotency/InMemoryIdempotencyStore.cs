namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The default <see cref="IIdempotencyStore"/>: claims kept in memory for the life of one Lambda container, atomic within
/// it, at most <see cref="Capacity"/> keys. Containers do not share it; use the DynamoDB store for that.
/// </summary>
/// <remarks>Every operation takes one lock, so of concurrent claims on one key exactly one is acquired.</remarks>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    /// <summary>The most keys kept; beyond it expired keys go first, then those that expire soonest.</summary>
    public const int Capacity = 10_000;

    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _retention;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates the store with the default lease (two minutes) and retention (six hours).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public InMemoryIdempotencyStore(TimeProvider timeProvider)
        : this(timeProvider, new IdempotencyStoreOptions())
    {
    }

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">Lease and retention.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range (see <see cref="IdempotencyStoreOptions.Validate"/>).</exception>
    public InMemoryIdempotencyStore(TimeProvider timeProvider, IdempotencyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _time = timeProvider;
        _lease = options.LeaseDuration;
        _retention = options.Retention;
    }

    /// <summary>How many keys are held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found) && found.ExpiresAt > now)
            {
                return ValueTask.FromResult(found.LeaseId is null ? IdempotencyClaim.Completed(key) : IdempotencyClaim.InProgress(key, found.ExpiresAt));
            }

            MakeRoom(now);
            var lease = Guid.NewGuid().ToString("N");
            var expires = now + _lease;
            _entries[key] = new Entry(lease, expires);
            return ValueTask.FromResult(IdempotencyClaim.Acquired(key, lease, expires));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim was not acquired.</exception>
    public ValueTask CompleteAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        IdempotencyClaim.RequireLease(claim);
        lock (_gate)
        {
            // Completing wins even if the lease ran out and another delivery took over: the mail went out, so it must not go again.
            var now = _time.GetUtcNow();
            if (!_entries.ContainsKey(claim.Key))
            {
                MakeRoom(now);
            }

            _entries[claim.Key] = new Entry(null, now + _retention);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim was not acquired.</exception>
    public ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var lease = IdempotencyClaim.RequireLease(claim);
        lock (_gate)
        {
            if (_entries.TryGetValue(claim.Key, out var found) && found.LeaseId == lease)
            {
                _entries.Remove(claim.Key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < Capacity)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }

        if (_entries.Count >= Capacity)
        {
            foreach (var key in _entries.OrderBy(e => e.Value.ExpiresAt).Take(_entries.Count - Capacity + 1).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>A lease (<paramref name="LeaseId"/> set) or a completed event (null), and when it ends.</summary>
    private readonly record struct Entry(string? LeaseId, DateTimeOffset ExpiresAt);
}
