using System.Diagnostics.CodeAnalysis;
using Exanubes.Cognito.Telemetry;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The signing keys of one user pool, by <c>kid</c>. Lookups are lock-free reads of an immutable snapshot. A fetch
/// happens at warm-up, on the periodic refresh and on an unknown <c>kid</c> at most once per
/// <see cref="CognitoTokenValidationOptions.JwksMinimumRefreshInterval"/>; concurrent callers share one fetch. A failed
/// fetch keeps the last good keys.
/// </summary>
internal sealed class CognitoSigningKeyCache
{
    private readonly string _userPoolId;
    private readonly Uri? _jwksUri;
    private readonly bool _seeded;
    private readonly JwksClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _minimumInterval;
    private readonly Lock _gate = new();
    private volatile KeySet _keys = KeySet.Empty;
    private Task? _inFlight;
    private DateTimeOffset? _lastAttempt;

    /// <summary>A cache fetching from <paramref name="jwksUri"/>, or holding the keys of <paramref name="seed"/> (then it never fetches).</summary>
    public CognitoSigningKeyCache(string userPoolId, Uri? jwksUri, ReadOnlyMemory<byte>? seed, JwksClient client, TimeProvider time, ILogger logger, TimeSpan minimumInterval)
    {
        _userPoolId = userPoolId;
        _jwksUri = jwksUri;
        if (seed is { } document)
        {
            _seeded = true;
            _keys = new KeySet(JwksParser.Parse(document, KeySet.Empty.Keys), time.GetUtcNow());
        }

        _client = client;
        _time = time;
        _logger = logger;
        _minimumInterval = minimumInterval;
    }

    /// <summary>How many fetches were started (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    /// <summary>When the keys in use were fetched; <see langword="null"/> when none were ever loaded.</summary>
    public DateTimeOffset? LastSuccess => _keys.FetchedAt;

    /// <summary>The number of usable keys loaded.</summary>
    public int KeyCount => _keys.UsableCount;

    /// <summary>Why the last fetch failed, or <see langword="null"/> when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Whether keys are needed: pre-seeded, or a fetch was ever started (a token of this JWKS arrived, or warm-up).</summary>
    public bool InUse => _seeded || FetchCount > 0;

    public string UserPoolId => _userPoolId;

    /// <summary>Whether the keys are a pre-seeded document (never fetched, never stale).</summary>
    public bool IsSeeded => _seeded;

    /// <summary>Where the keys come from, for messages: the JWKS address or <c>pre-seeded JWKS</c>.</summary>
    public string Source => _jwksUri?.ToString() ?? "pre-seeded JWKS";

    public bool TryGetKey(ReadOnlySpan<char> kid, [NotNullWhen(true)] out CognitoSigningKey? key) =>
        _keys.Lookup.TryGetValue(kid, out key);

    /// <summary>Fetches now (warm-up and periodic refresh), or joins a fetch in progress.</summary>
    public Task RefreshAsync() => Start(force: true);

    /// <summary>Fetches after a <c>kid</c> miss when the last fetch is old enough, or joins a fetch in progress.</summary>
    public Task RefreshAfterMissAsync() => Start(force: false);

    /// <summary>The failure for a <c>kid</c> that is still unknown after <see cref="RefreshAfterMissAsync"/>; fails closed when no keys are loaded.</summary>
    public CognitoTokenValidationException KeyNotFound(string kid)
    {
        if (_keys.UsableCount == 0)
        {
            Log.NoSigningKeys(_logger, _userPoolId, Source, LastError ?? "no fetch yet");
            return new CognitoSigningKeyNotFoundException(
                $"No signing keys are loaded for user pool '{_userPoolId}'; the JWKS could not be fetched.",
                Source,
                null);
        }

        return new CognitoSigningKeyNotFoundException(
            $"The signing key '{TokenText.Safe(kid)}' is not in the JWKS of user pool '{_userPoolId}'.",
            string.Join(", ", _keys.Keys.Keys),
            TokenText.Safe(kid));
    }

    private Task Start(bool force)
    {
        if (_seeded)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false } running)
            {
                return running;
            }

            var now = _time.GetUtcNow();
            if (!force && _lastAttempt is { } last && now - last < _minimumInterval)
            {
                Log.RefetchSuppressed(_logger, _userPoolId, _minimumInterval.TotalSeconds);
                return Task.CompletedTask;
            }

            _lastAttempt = now;
            FetchCount++;
            return _inFlight = FetchAsync();
        }
    }

    private async Task FetchAsync()
    {
        try
        {
            var json = await _client.GetAsync(_jwksUri!, CancellationToken.None).ConfigureAwait(false);
            var keys = JwksParser.Parse(json, _keys.Keys);
            var snapshot = new KeySet(keys, _time.GetUtcNow());
            if (snapshot.UsableCount == 0)
            {
                throw new InvalidDataException("The JWKS holds no usable RS256 key.");
            }

            var previous = _keys;
            _keys = snapshot;
            foreach (var (kid, old) in previous.Keys)
            {
                if (!keys.TryGetValue(kid, out var now) || !ReferenceEquals(now, old))
                {
                    old.Retired = true;
                }
            }

            LastError = null;
            CognitoInstrumentation.JwksFetched(null);
            Log.JwksFetched(_logger, _userPoolId, snapshot.UsableCount, keys.Count - snapshot.UsableCount);
            if (previous.FetchedAt is not null && _logger.IsEnabled(LogLevel.Information))
            {
                foreach (var kid in keys.Keys.Where(k => !previous.Keys.ContainsKey(k)))
                {
                    var safeKid = TokenText.Safe(kid);
                    Log.SigningKeyAdded(_logger, _userPoolId, safeKid);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or TimeoutException or IOException or OperationCanceledException)
        {
            LastError = ex.Message;
            CognitoInstrumentation.JwksFetched(ex.GetType().Name);
            Log.JwksFetchFailed(_logger, _userPoolId, Source, ex.Message, _keys.UsableCount);
        }
    }

    private sealed class KeySet
    {
        public static readonly KeySet Empty = new(new Dictionary<string, CognitoSigningKey>(StringComparer.Ordinal), null);

        public KeySet(Dictionary<string, CognitoSigningKey> keys, DateTimeOffset? fetchedAt)
        {
            Keys = keys;
            Lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
            FetchedAt = fetchedAt;
            UsableCount = keys.Values.Count(k => k.Rsa is not null);
        }

        public Dictionary<string, CognitoSigningKey> Keys { get; }

        public Dictionary<string, CognitoSigningKey>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        public DateTimeOffset? FetchedAt { get; }

        public int UsableCount { get; }
    }
}
