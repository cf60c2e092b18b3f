namespace Exanubes.Cognito.Lambda;

/// <summary>How long an idempotency store holds a send lease and remembers a completed event.</summary>
public class IdempotencyStoreOptions
{
    /// <summary>
    /// How long a claim holds an event before another delivery may take it over. Default: two minutes.
    /// </summary>
    /// <remarks>
    /// Keep it above the function's timeout, so a live send is never taken over (that would send twice), and below the
    /// spacing of Lambda's asynchronous retries (about one, then two more minutes), so the retry of a crashed send finds
    /// the lease expired and sends; while the lease is live a retry fails and Lambda tries again later.
    /// </remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a completed event is remembered. Default: six hours, the longest age of an asynchronous Lambda event.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Checks the values (for store constructors).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive, or the retention is shorter than the lease.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(Retention, LeaseDuration, nameof(Retention));
    }
}
