using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.Telemetry;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The Cognito policy over <see cref="JwsReader"/>'s one read: the issuer selects the pool, the <c>kid</c> its key,
/// the cached <see cref="RSA"/> verifies the signature, then the Cognito rules. The common path is synchronous; only
/// an unknown <c>kid</c> goes asynchronous (one rate-limited JWKS fetch), then the token is validated again. A repeat
/// token is served from <see cref="ValidatedTokenCache"/> after the checks that can change since it was first seen.
/// </summary>
internal sealed class CognitoTokenValidator : ICognitoTokenValidator
{
    private const int MaxIssuerChars = 512;

    /// <summary>Signing inputs up to this many characters are narrowed on the stack (Cognito's are 0.7 to 3 KiB).</summary>
    private const int MaxStackSigningInput = 4096;

    private readonly FrozenDictionary<string, CognitoIssuer>.AlternateLookup<ReadOnlySpan<char>> _issuers;
    private readonly string _expectedIssuers;

    /// <summary>The pools when few: compared byte by byte, cheaper than hashing; <see langword="null"/> when many.</summary>
    private readonly CognitoIssuer[]? _issuerList;
    private readonly ValidatedTokenCache? _cache;
    private readonly ICognitoTokenRevocationCheck[] _revocationChecks;
    private readonly TokenTimeRules _times;
    private readonly ILogger _logger;
    private readonly int _maxTokenLength;

    public CognitoTokenValidator(
        CognitoUserPoolRegistry registry,
        TimeProvider time,
        ILogger<CognitoTokenValidator> logger,
        IEnumerable<ICognitoTokenRevocationCheck> revocationChecks)
    {
        CognitoIssuer[] issuers = [.. registry.Issuers];
        _issuers = issuers.ToFrozenDictionary(i => i.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _expectedIssuers = TokenText.List(issuers.Select(i => i.Value));
        _issuerList = issuers.Length <= 8 ? issuers : null;
        var options = registry.Options;
        _cache = options.ValidatedTokenCacheBytes > 0 ? new ValidatedTokenCache(options.ValidatedTokenCacheBytes, options.ValidatedTokenCacheMaxTokenLength) : null;
        _revocationChecks = [.. revocationChecks];
        _times = new TokenTimeRules(time, options.ClockSkew);
        _logger = logger;
        _maxTokenLength = options.MaxTokenLength;
    }

    internal ValidatedTokenCache? Cache => _cache;

    public ValueTask<CognitoValidatedToken> ValidateAccessTokenAsync(string token, CancellationToken cancellationToken = default) =>
        ValidateAsync(token, CognitoTokenUse.Access, cancellationToken);

    public ValueTask<CognitoValidatedToken> ValidateIdTokenAsync(string token, CancellationToken cancellationToken = default) =>
        ValidateAsync(token, CognitoTokenUse.Id, cancellationToken);

    public ValueTask<CognitoTokenValidationResult> TryValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default) =>
        TryValidateAsync(token, tokenUse, log: true, cancellationToken);

    public ValueTask<CognitoValidatedToken> ValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default) =>
        ValidateAsync(token, tokenUse, log: true, cancellationToken);

    /// <summary>
    /// Validates without throwing for an invalid token. <paramref name="log"/> is <see langword="false"/> for callers
    /// that log the failure themselves (JwtBearer logs it with the exception), so each rejection is logged once.
    /// </summary>
    internal async ValueTask<CognitoTokenValidationResult> TryValidateAsync(string token, CognitoTokenUse tokenUse, bool log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            return CognitoTokenValidationResult.Success(await ValidateAsync(token, tokenUse, log, cancellationToken).ConfigureAwait(false));
        }
        catch (CognitoTokenValidationException ex)
        {
            return CognitoTokenValidationResult.Failure(ex);
        }
    }

    private async ValueTask<CognitoValidatedToken> ValidateAsync(string token, CognitoTokenUse tokenUse, bool log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var hash = 0;
            var cached = _cache is not null && _cache.TryGet(token, out hash, out var validated) && IsStillValid(validated, tokenUse) ? validated : null;
            validated = cached;
            if (validated is null && !TryValidateCore(token, tokenUse, out validated, out var keys, out var kid))
            {
                await keys.RefreshAfterMissAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!TryValidateCore(token, tokenUse, out validated, out keys, out kid))
                {
                    throw keys.KeyNotFound(kid);
                }
            }

            validated.Pool.AdditionalCheck?.Invoke(validated);
            foreach (var check in _revocationChecks)
            {
                if (await check.IsRevokedAsync(validated, cancellationToken).ConfigureAwait(false))
                {
                    throw new CognitoTokenRevokedException($"The token was revoked (origin_jti '{TokenText.Safe(validated.OriginJti)}').", "not revoked", "revoked");
                }
            }

            if (cached is null)
            {
                _cache?.Add(token, hash, validated);
            }

            CognitoInstrumentation.TokenValidated(tokenUse, "valid");
            return validated;
        }
        catch (CognitoTokenValidationException ex)
        {
            CognitoInstrumentation.TokenValidated(tokenUse, CognitoInstrumentation.Outcome(ex));
            if (log)
            {
                var failure = ex.GetType().Name;
                Log.TokenRejected(_logger, failure, ex.Message);
            }

            throw;
        }
    }

    /// <summary>
    /// The checks a cached token must pass again: its use, that its key is still published (otherwise it is validated
    /// afresh, which fails when its <c>kid</c> is gone), and the time checks (<c>exp</c>, <c>nbf</c>, <c>auth_time</c>).
    /// </summary>
    private bool IsStillValid(CognitoValidatedToken validated, CognitoTokenUse tokenUse)
    {
        if (validated.TokenUse != tokenUse || validated.Key.Retired)
        {
            return false;
        }

        _times.CheckAgain(validated.ExpiresAtSeconds, validated.NotBeforeSeconds, validated.AuthTimeSeconds, validated.Pool);
        return true;
    }

    [SkipLocalsInit] // the stack buffers here and below are read only as far as they were written
    private bool TryValidateCore(
        string token,
        CognitoTokenUse tokenUse,
        [NotNullWhen(true)] out CognitoValidatedToken? validated,
        [NotNullWhen(false)] out CognitoSigningKeyCache? missKeys,
        [NotNullWhen(false)] out string? missKid)
    {
        validated = null;
        missKeys = null;
        missKid = null;
        Span<char> kidBuffer = stackalloc char[JwsReader.MaxKidChars];
        JwsReader.Read(token, _maxTokenLength, kidBuffer, out var jws);
        var issuer = SelectIssuer(jws);
        var pool = issuer.Pool;
        if (jws.KidLength < 0)
        {
            throw new CognitoSigningKeyNotFoundException($"The token header has no 'kid'; a key of user pool '{pool.UserPoolId}' is required.", "kid", null);
        }

        var kid = kidBuffer[..jws.KidLength];
        if (!issuer.Keys.TryGetKey(kid, out var key))
        {
            missKeys = issuer.Keys;
            missKid = new string(kid);
            return false;
        }

        if (key.Rsa is null)
        {
            throw new CognitoSigningKeyException(key.Problem!, "an RSA signing key for RS256", TokenText.Safe(key.KeyId));
        }

        VerifySignature(token, jws, key);
        if (!jws.HeaderKnown)
        {
            KnownJwsHeaders.Remember(token.AsSpan(0, jws.HeaderLength), kid);
        }
        var clientId = CheckClaims(jws, tokenUse, pool);
        validated = new CognitoValidatedToken(token, pool, issuer.Value, tokenUse, key, clientId, jws);
        CheckGroupsAndScopes(validated, pool);
        return true;
    }

    /// <summary>The accepted issuer the token's <c>iss</c> equals exactly (no prefix, case or trailing-slash leniency).</summary>
    [SkipLocalsInit]
    private CognitoIssuer SelectIssuer(in JwsToken jws)
    {
        if (!jws.Has(JwtClaim.Issuer))
        {
            throw new CognitoTokenIssuerException($"The token has no 'iss' claim; expected {_expectedIssuers}.", _expectedIssuers, null);
        }

        var iss = jws.Text(JwtClaim.Issuer);
        if (!iss.Escaped && _issuerList is { } list)
        {
            foreach (var candidate in list)
            {
                if (iss.Span(jws.Buffer).SequenceEqual(candidate.Utf8))
                {
                    return candidate;
                }
            }
        }

        Span<char> chars = stackalloc char[MaxIssuerChars];
        if (!iss.Escaped && iss.Length <= MaxIssuerChars &&
            _issuers.TryGetValue(chars[..Encoding.UTF8.GetChars(iss.Span(jws.Buffer), chars)], out var found))
        {
            return found;
        }

        if (iss.Escaped && _issuers.TryGetValue(iss.GetString(jws.Buffer), out found))
        {
            return found;
        }

        var actual = TokenText.Safe(iss.GetString(jws.Buffer));
        throw new CognitoTokenIssuerException($"The token's issuer '{actual}' is not accepted; expected {_expectedIssuers}.", _expectedIssuers, actual);
    }

    /// <summary>
    /// Verifies RS256 over the signing input, narrowed to ASCII (the reader checked every character is base64url or
    /// '.') in a stack buffer, or a pooled one for a long token: nothing of it is kept.
    /// </summary>
    [SkipLocalsInit]
    private static void VerifySignature(string token, in JwsToken jws, CognitoSigningKey key)
    {
        Span<byte> signature = stackalloc byte[JwsReader.MaxSignatureBytes];
        var length = jws.DecodeSignature(token, signature);
        var inputLength = jws.SigningInputLength;
        byte[]? rented = null;
        var input = inputLength <= MaxStackSigningInput ? stackalloc byte[inputLength] : (rented = ArrayPool<byte>.Shared.Rent(inputLength));
        bool valid;
        try
        {
            input = input[..Encoding.ASCII.GetBytes(token.AsSpan(0, inputLength), input)];
            valid = key.Rsa!.VerifyData(input, signature[..length], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (!valid)
        {
            throw new CognitoTokenSignatureException($"The token signature does not verify with signing key '{TokenText.Safe(key.KeyId)}'.", "a valid RS256 signature", "invalid");
        }
    }

    /// <summary>The Cognito claim rules; returns the app client id (the configured instance when one is listed).</summary>
    private string CheckClaims(in JwsToken jws, CognitoTokenUse tokenUse, CognitoUserPool pool)
    {
        var expectedUse = UseName(tokenUse);
        if (!jws.Has(JwtClaim.TokenUse))
        {
            throw new CognitoTokenUseException($"The token has no 'token_use' claim; expected '{expectedUse}'.", expectedUse, null);
        }

        if (!jws.Text(JwtClaim.TokenUse).ValueEquals(jws.Buffer, tokenUse == CognitoTokenUse.Access ? "access"u8 : "id"u8))
        {
            var actual = TokenText.Safe(jws.GetString(JwtClaim.TokenUse));
            throw new CognitoTokenUseException($"The token's token_use is '{actual}'; expected '{expectedUse}'.", expectedUse, actual);
        }

        var clientClaim = tokenUse == CognitoTokenUse.Access ? JwtClaim.ClientId : JwtClaim.Audience;
        var clientName = JwtClaimTable.Name(clientClaim);
        if (!jws.Has(clientClaim))
        {
            throw new CognitoTokenClientException($"The token has no '{clientName}' claim; expected {pool.ExpectedClients}.", pool.ExpectedClients, null);
        }

        var client = pool.MatchClient(jws.Text(clientClaim), jws.Buffer);
        if (client is null)
        {
            var actual = TokenText.Safe(jws.GetString(clientClaim));
            throw new CognitoTokenClientException(
                $"The token's {clientName} '{actual}' is not an allowed app client of user pool '{pool.UserPoolId}'; expected {pool.ExpectedClients}.",
                pool.ExpectedClients,
                actual);
        }

        if (!jws.Has(JwtClaim.Subject))
        {
            throw new CognitoTokenMalformedException("The token has no 'sub' claim.", "sub", null);
        }

        if (!jws.Has(JwtClaim.ExpiresAt))
        {
            throw new CognitoTokenLifetimeException("The token has no 'exp' claim; Cognito tokens always expire.", "exp", null);
        }

        _times.CheckFirstSight(
            jws.Number(JwtClaim.ExpiresAt),
            jws.Has(JwtClaim.NotBefore) ? jws.Number(JwtClaim.NotBefore) : null,
            jws.Has(JwtClaim.IssuedAt) ? jws.Number(JwtClaim.IssuedAt) : null,
            jws.Has(JwtClaim.AuthTime) ? jws.Number(JwtClaim.AuthTime) : null,
            pool);
        return client;
    }

    private static void CheckGroupsAndScopes(CognitoValidatedToken token, CognitoUserPool pool)
    {
        if (pool.RequiredGroups.Length > 0 && !token.Groups.Any(pool.RequiredGroups.Contains))
        {
            var expected = TokenText.List(pool.RequiredGroups);
            var actual = token.Groups.Count > 0 ? TokenText.List(token.Groups.Select(TokenText.Safe)) : "none";
            throw new CognitoTokenGroupException($"The token's cognito:groups ({actual}) contains none of the required groups {expected}.", expected, actual);
        }

        if (pool.RequiredScopes.Length > 0 && !token.Scopes.Any(pool.RequiredScopes.Contains))
        {
            var expected = TokenText.List(pool.RequiredScopes);
            var actual = token.Scopes.Count > 0 ? TokenText.List(token.Scopes.Select(TokenText.Safe)) : "none";
            throw new CognitoTokenScopeException($"The token's scope ({actual}) contains none of the required scopes {expected}.", expected, actual);
        }
    }

    private static string UseName(CognitoTokenUse use) => use == CognitoTokenUse.Access ? "access" : "id";
}
