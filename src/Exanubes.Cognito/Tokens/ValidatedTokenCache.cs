using System.Numerics;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Remembers tokens that passed every check, so a repeat costs a hash of the token's last characters (its
/// signature), one whole-token comparison and the time checks. Only validated tokens enter, so forged tokens cannot
/// fill it; a hit is never taken without comparing the whole token.
/// </summary>
/// <remarks>
/// Bounded by bytes, not by count: entries go into the current generation until it holds half the budget; then it
/// becomes the previous generation and the one before is dropped whole. So there is no sweep, no resize and no lock
/// on the read path, and at most <c>ValidatedTokenCacheBytes</c> are kept. Tokens longer than
/// <c>ValidatedTokenCacheMaxTokenLength</c> are not cached. Each entry is the validated token itself (its one buffer
/// holds the decoded payload, and it keeps the caller's token string for the whole-token comparison) and a slot in a
/// bucket chain; nothing else is kept per entry.
/// </remarks>
internal sealed class ValidatedTokenCache
{
    /// <summary>The hash covers the token's tail: the RS256 signature, unpredictable for tokens that verified.</summary>
    private const int HashedChars = 32;

    /// <summary>Buckets per generation: one per KiB of its budget (entries are 2.5-6 KiB), so chains stay short.</summary>
    private const int BytesPerBucket = 1024;

    private readonly long _generationBytes;
    private readonly int _maxTokenLength;
    private readonly int _buckets;
    private readonly Lock _rotateGate = new();
    private Generation _current;
    private Generation _previous;

    public ValidatedTokenCache(long maxBytes, int maxTokenLength)
    {
        _generationBytes = maxBytes / 2;
        _maxTokenLength = maxTokenLength;
        _buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(_generationBytes / BytesPerBucket, 16, 1 << 20));
        _current = new Generation(_buckets);
        _previous = new Generation(1);
    }

    /// <summary>Entries held (both generations).</summary>
    public int Count => Volatile.Read(ref _current).Count + Volatile.Read(ref _previous).Count;

    /// <summary>Bytes held (both generations), as counted when the entries were added.</summary>
    public long Bytes => Volatile.Read(ref _current).Bytes + Volatile.Read(ref _previous).Bytes;

    /// <summary>Looks the token up; <paramref name="hash"/> is its hash, to pass to <see cref="Add"/> after a miss.</summary>
    public bool TryGet(string token, out int hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CognitoValidatedToken? validated)
    {
        validated = null;
        hash = 0;
        if (token.Length > _maxTokenLength)
        {
            return false;
        }

        hash = Hash(token);
        return Volatile.Read(ref _current).TryGet(token, hash, out validated) || Volatile.Read(ref _previous).TryGet(token, hash, out validated);
    }

    public void Add(string token, int hash, CognitoValidatedToken validated)
    {
        if (token.Length > _maxTokenLength || validated.RetainedBytes > _generationBytes)
        {
            return;
        }

        validated.CacheHash = hash;
        var current = Volatile.Read(ref _current);
        if (!current.TryAdd(validated, _generationBytes))
        {
            lock (_rotateGate)
            {
                if (ReferenceEquals(_current, current))
                {
                    Volatile.Write(ref _previous, current);
                    Volatile.Write(ref _current, new Generation(_buckets));
                }
            }

            Volatile.Read(ref _current).TryAdd(validated, _generationBytes);
        }
    }

    private static int Hash(string token) => string.GetHashCode(token.AsSpan(Math.Max(0, token.Length - HashedChars)));

    /// <summary>One generation: a fixed bucket array of chains linked through the entries; entries are only ever added.</summary>
    private sealed class Generation
    {
        private readonly CognitoValidatedToken?[] _buckets;
        private long _bytes;
        private int _count;

        public Generation(int buckets)
        {
            _buckets = new CognitoValidatedToken?[buckets];
        }

        public int Count => Volatile.Read(ref _count);

        public long Bytes => Volatile.Read(ref _bytes);

        public bool TryGet(string token, int hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CognitoValidatedToken? validated)
        {
            for (var entry = Volatile.Read(ref _buckets[hash & (_buckets.Length - 1)]); entry is not null; entry = entry.CacheNext)
            {
                if (entry.CacheHash == hash && string.Equals(entry.Token, token, StringComparison.Ordinal))
                {
                    validated = entry;
                    return true;
                }
            }

            validated = null;
            return false;
        }

        /// <summary>Adds the entry unless that would take the generation past <paramref name="limit"/> bytes.</summary>
        public bool TryAdd(CognitoValidatedToken validated, long limit)
        {
            if (Interlocked.Add(ref _bytes, validated.RetainedBytes) > limit)
            {
                Interlocked.Add(ref _bytes, -validated.RetainedBytes);
                return false;
            }

            ref var bucket = ref _buckets[validated.CacheHash & (_buckets.Length - 1)];
            CognitoValidatedToken? head;
            do
            {
                head = Volatile.Read(ref bucket);
                validated.CacheNext = head;
            }
            while (!ReferenceEquals(Interlocked.CompareExchange(ref bucket, validated, head), head));

            Interlocked.Increment(ref _count);
            return true;
        }
    }
}
