using System.Collections.Concurrent;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The default <see cref="IEmailIdempotencyStore"/>: keys kept in memory for six hours (Lambda's longest retry window for
/// asynchronous events), at most 10,000 at a time, for the life of the container.
/// </summary>
internal sealed class InMemoryEmailIdempotencyStore(TimeProvider time) : IEmailIdempotencyStore
{
    internal static readonly TimeSpan Retention = TimeSpan.FromHours(6);
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _sent = new(StringComparer.Ordinal);

    internal int Count => _sent.Count;

    public ValueTask<bool> WasSentAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return ValueTask.FromResult(_sent.TryGetValue(key, out var expires) && expires > time.GetUtcNow());
    }

    public ValueTask MarkSentAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = time.GetUtcNow();
        if (_sent.Count >= Capacity)
        {
            foreach (var entry in _sent)
            {
                if (entry.Value <= now)
                {
                    _sent.TryRemove(entry.Key, out _);
                }
            }

            if (_sent.Count >= Capacity)
            {
                _sent.Clear();
            }
        }

        _sent[key] = now + Retention;
        return ValueTask.CompletedTask;
    }
}
