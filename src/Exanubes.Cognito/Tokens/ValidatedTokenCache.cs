using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// A bounded map from a whole token to its validated form, so a repeat validation costs a hash lookup. Only tokens
/// that passed every check are added, so forged tokens cannot grow it; the caller re-checks the time claims on every
/// hit. When full, expired entries are swept, and if that frees nothing the cache starts afresh.
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<string, CognitoValidatedToken> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly Lock _sweepGate = new();
    private int _count;

    public ValidatedTokenCache(int capacity, TimeProvider time)
    {
        _capacity = capacity;
        _time = time;
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string token, [NotNullWhen(true)] out CognitoValidatedToken? validated) =>
        _entries.TryGetValue(token, out validated);

    public void Add(string token, CognitoValidatedToken validated)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            Sweep();
        }

        if (_entries.TryAdd(token, validated))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private void Sweep()
    {
        lock (_sweepGate)
        {
            if (Volatile.Read(ref _count) < _capacity)
            {
                return;
            }

            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            foreach (var (token, validated) in _entries)
            {
                if (validated.ExpiresAtSeconds <= now && _entries.TryRemove(token, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            if (Volatile.Read(ref _count) >= _capacity)
            {
                _entries.Clear();
                Volatile.Write(ref _count, 0);
            }
        }
    }
}
