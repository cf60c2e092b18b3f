using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The validator. The common path is synchronous and allocation-light: the token is parsed in place with
/// <see cref="Base64Url"/> and <see cref="Utf8JsonReader"/> into stack buffers, the issuer selects the pool, the
/// <c>kid</c> is looked up without allocating, and the cached <see cref="RSA"/> verifies the signature. Only an unknown
/// <c>kid</c> goes asynchronous (one rate-limited JWKS fetch), then the token is validated again.
/// </summary>
internal sealed class CognitoTokenValidator : ICognitoTokenValidator
{
    private const int MaxHeaderChars = 1024;
    private const int MaxKidChars = 256;
    private const int MaxSignatureBytes = 1024;
    private const int StackPayloadBytes = 2048;
    private const int StackInputBytes = 4096;
    private const long MaxNumericDate = 253402300799; // 9999-12-31T23:59:59Z

    private static readonly (byte[] Name, PayloadClaim Claim)[] ClaimNames =
    [
        ("iss"u8.ToArray(), PayloadClaim.Iss), ("exp"u8.ToArray(), PayloadClaim.Exp), ("sub"u8.ToArray(), PayloadClaim.Sub),
        ("iat"u8.ToArray(), PayloadClaim.Iat), ("jti"u8.ToArray(), PayloadClaim.Jti), ("aud"u8.ToArray(), PayloadClaim.Aud),
        ("nbf"u8.ToArray(), PayloadClaim.Nbf), ("scope"u8.ToArray(), PayloadClaim.Scope), ("username"u8.ToArray(), PayloadClaim.Username),
        ("token_use"u8.ToArray(), PayloadClaim.TokenUse), ("client_id"u8.ToArray(), PayloadClaim.ClientId),
        ("auth_time"u8.ToArray(), PayloadClaim.AuthTime), ("origin_jti"u8.ToArray(), PayloadClaim.OriginJti),
        ("cognito:groups"u8.ToArray(), PayloadClaim.Groups), ("cognito:username"u8.ToArray(), PayloadClaim.CognitoUsername),
    ];

    private static readonly SearchValues<char> CompactChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly CognitoUserPool[] _pools;
    private readonly string _expectedIssuers;
    private readonly ValidatedTokenCache? _cache;
    private readonly ICognitoTokenRevocationCheck[] _revocationChecks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _skewMs;
    private readonly string _skewText;
    private readonly int _maxTokenLength;

    public CognitoTokenValidator(
        CognitoUserPoolRegistry registry,
        TimeProvider time,
        ILogger<CognitoTokenValidator> logger,
        IEnumerable<ICognitoTokenRevocationCheck> revocationChecks)
    {
        _pools = [.. registry.Pools];
        _expectedIssuers = TokenText.List(_pools.Select(p => p.Issuer));
        var options = registry.Options;
        _cache = options.ValidatedTokenCacheSize > 0 ? new ValidatedTokenCache(options.ValidatedTokenCacheSize, time) : null;
        _revocationChecks = [.. revocationChecks];
        _time = time;
        _logger = logger;
        _skewMs = (long)options.ClockSkew.TotalMilliseconds;
        _skewText = TokenText.Number((long)options.ClockSkew.TotalSeconds);
        _maxTokenLength = options.MaxTokenLength;
    }

    internal ValidatedTokenCache? Cache => _cache;

    public ValueTask<CognitoValidatedToken> ValidateAccessTokenAsync(string token, CancellationToken cancellationToken = default) =>
        ValidateAsync(token, CognitoTokenUse.Access, cancellationToken);

    public ValueTask<CognitoValidatedToken> ValidateIdTokenAsync(string token, CancellationToken cancellationToken = default) =>
        ValidateAsync(token, CognitoTokenUse.Id, cancellationToken);

    public async ValueTask<CognitoTokenValidationResult> TryValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            return CognitoTokenValidationResult.Success(await ValidateAsync(token, tokenUse, cancellationToken).ConfigureAwait(false));
        }
        catch (CognitoTokenValidationException ex)
        {
            return CognitoTokenValidationResult.Failure(ex);
        }
    }

    public async ValueTask<CognitoValidatedToken> ValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            CognitoValidatedToken? validated;
            var cached = false;
            if (_cache is not null && _cache.TryGet(token, out validated) && validated.TokenUse == tokenUse)
            {
                CheckTimes(validated.ExpiresAtSeconds, validated.NotBeforeSeconds, NowMs());
                cached = true;
            }
            else if (!TryValidateCore(token, tokenUse, out validated, out var pool, out var kid))
            {
                await pool.Keys.RefreshAfterMissAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!TryValidateCore(token, tokenUse, out validated, out pool, out kid))
                {
                    throw pool.Keys.KeyNotFound(kid);
                }
            }

            validated.Pool.AdditionalCheck?.Invoke(validated);
            foreach (var check in _revocationChecks)
            {
                if (await check.IsRevokedAsync(validated, cancellationToken).ConfigureAwait(false))
                {
                    throw new CognitoTokenRevokedException(
                        $"The token was revoked (origin_jti '{TokenText.Safe(validated.OriginJti)}').", "not revoked", "revoked");
                }
            }

            if (!cached)
            {
                _cache?.Add(token, validated);
            }

            return validated;
        }
        catch (CognitoTokenValidationException ex)
        {
            var failure = ex.GetType().Name;
            Log.TokenRejected(_logger, failure, ex.Message);

            throw;
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private bool TryValidateCore(
        string token,
        CognitoTokenUse tokenUse,
        [NotNullWhen(true)] out CognitoValidatedToken? validated,
        [NotNullWhen(false)] out CognitoUserPool? missPool,
        [NotNullWhen(false)] out string? missKid)
    {
        validated = null;
        missPool = null;
        missKid = null;
        var chars = token.AsSpan();
        if (chars.Length > _maxTokenLength)
        {
            throw new CognitoTokenMalformedException(
                $"The token is {chars.Length} characters long; at most {_maxTokenLength} are accepted.",
                TokenText.Number(_maxTokenLength),
                TokenText.Number(chars.Length));
        }

        var invalid = chars.IndexOfAnyExcept(CompactChars);
        if (invalid >= 0)
        {
            throw new CognitoTokenMalformedException(
                $"The token has a character other than base64url and '.' at position {invalid}.", "base64url", null);
        }

        var parts = chars.Count('.') + 1;
        if (parts != 3)
        {
            throw new CognitoTokenMalformedException(
                $"The token has {parts} parts; a JWS in compact serialization has 3 base64url parts separated by '.'.",
                "3",
                TokenText.Number(parts));
        }

        var dot1 = chars.IndexOf('.');
        var dot2 = chars.LastIndexOf('.');
        var header = chars[..dot1];
        var payload = chars[(dot1 + 1)..dot2];
        var signature = chars[(dot2 + 1)..];
        if (header.IsEmpty || payload.IsEmpty)
        {
            var empty = header.IsEmpty ? "header" : "payload";
            throw new CognitoTokenMalformedException($"The token's {empty} part is empty.", "3 non-empty parts", empty + " empty");
        }

        if (header.Length > MaxHeaderChars)
        {
            throw new CognitoTokenMalformedException(
                $"The token header is {header.Length} characters long; at most {MaxHeaderChars} are accepted.",
                TokenText.Number(MaxHeaderChars),
                TokenText.Number(header.Length));
        }

        // Buffers are sized to the part (not to the maximum): stack memory is zeroed on every call.
        Span<byte> headerBytes = stackalloc byte[Base64Url.GetMaxDecodedLength(header.Length)];
        if (Base64Url.DecodeFromChars(header, headerBytes, out _, out var headerLength) != OperationStatus.Done)
        {
            throw new CognitoTokenMalformedException("The token header is not valid base64url.", "base64url", null);
        }

        Span<char> kidBuffer = stackalloc char[MaxKidChars];
        var kidLength = ReadHeader(headerBytes[..headerLength], kidBuffer);

        CognitoJwtClaims claims = default;
        var payloadMax = Base64Url.GetMaxDecodedLength(payload.Length);
        byte[]? rented = null;
        var payloadBytes = payloadMax <= StackPayloadBytes
            ? stackalloc byte[payloadMax]
            : (rented = ArrayPool<byte>.Shared.Rent(payloadMax));
        try
        {
            if (Base64Url.DecodeFromChars(payload, payloadBytes, out _, out var payloadLength) != OperationStatus.Done)
            {
                throw new CognitoTokenMalformedException("The token payload is not valid base64url.", "base64url", null);
            }

            ReadPayload(payloadBytes[..payloadLength], ref claims);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var pool = claims.Pool;
        if (pool is null)
        {
            throw claims.HasIssuer
                ? new CognitoTokenIssuerException(
                    $"The token's issuer '{TokenText.Safe(claims.Issuer)}' is not accepted; expected {_expectedIssuers}.",
                    _expectedIssuers,
                    TokenText.Safe(claims.Issuer))
                : new CognitoTokenIssuerException($"The token has no 'iss' claim; expected {_expectedIssuers}.", _expectedIssuers, null);
        }

        if (kidLength < 0)
        {
            throw new CognitoSigningKeyNotFoundException(
                $"The token header has no 'kid'; a key of user pool '{pool.UserPoolId}' is required.", "kid", null);
        }

        var kid = kidBuffer[..kidLength];
        if (!pool.Keys.TryGetKey(kid, out var key))
        {
            missPool = pool;
            missKid = new string(kid);
            return false;
        }

        if (key.Rsa is null)
        {
            throw new CognitoSigningKeyException(key.Problem!, "an RSA signing key for RS256", TokenText.Safe(key.KeyId));
        }

        VerifySignature(chars[..dot2], signature, key);
        CheckClaims(ref claims, tokenUse, pool);
        var result = new CognitoValidatedToken(token, pool, tokenUse, key.KeyId, claims);
        CheckGroupsAndScopes(result, pool);
        validated = result;
        return true;
    }

    private static void VerifySignature(ReadOnlySpan<char> signingInput, ReadOnlySpan<char> signature, CognitoSigningKey key)
    {
        if (signature.IsEmpty)
        {
            throw new CognitoTokenSignatureException("The token has no signature.", "a valid RS256 signature", "none");
        }

        if (Base64Url.GetMaxDecodedLength(signature.Length) > MaxSignatureBytes)
        {
            throw new CognitoTokenSignatureException(
                $"The token signature is {signature.Length} characters long; no RSA signature is that long.", null, null);
        }

        Span<byte> signatureBytes = stackalloc byte[Base64Url.GetMaxDecodedLength(signature.Length)];
        if (Base64Url.DecodeFromChars(signature, signatureBytes, out _, out var signatureLength) != OperationStatus.Done)
        {
            throw new CognitoTokenMalformedException("The token signature is not valid base64url.", "base64url", null);
        }

        byte[]? rented = null;
        var input = signingInput.Length <= StackInputBytes
            ? stackalloc byte[signingInput.Length]
            : (rented = ArrayPool<byte>.Shared.Rent(signingInput.Length));
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, input);
            if (!key.Rsa!.VerifyData(input[..length], signatureBytes[..signatureLength], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new CognitoTokenSignatureException(
                    $"The token signature does not verify with signing key '{TokenText.Safe(key.KeyId)}'.", "a valid RS256 signature", "invalid");
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void CheckClaims(ref CognitoJwtClaims claims, CognitoTokenUse tokenUse, CognitoUserPool pool)
    {
        var expectedUse = UseName(tokenUse);
        if (!claims.HasTokenUse)
        {
            throw new CognitoTokenUseException($"The token has no 'token_use' claim; expected '{expectedUse}'.", expectedUse, null);
        }

        if (claims.TokenUse != tokenUse)
        {
            var actual = claims.TokenUse is { } use ? UseName(use) : TokenText.Safe(claims.OtherTokenUse);
            throw new CognitoTokenUseException($"The token's token_use is '{actual}'; expected '{expectedUse}'.", expectedUse, actual);
        }

        var clientClaim = tokenUse == CognitoTokenUse.Access ? CognitoClaimTypes.ClientId : CognitoClaimTypes.Audience;
        var client = claims.ClientIdFor(tokenUse);
        if (client is null)
        {
            throw new CognitoTokenClientException(
                $"The token has no '{clientClaim}' claim; expected {pool.ExpectedClients}.", pool.ExpectedClients, null);
        }

        if (pool.ClientIds is not null && !pool.ClientIds.Contains(client))
        {
            throw new CognitoTokenClientException(
                $"The token's {clientClaim} '{TokenText.Safe(client)}' is not an allowed app client of user pool '{pool.UserPoolId}'; expected {pool.ExpectedClients}.",
                pool.ExpectedClients,
                TokenText.Safe(client));
        }

        if (claims.Subject is null)
        {
            throw new CognitoTokenMalformedException("The token has no 'sub' claim.", "sub", null);
        }

        if (!claims.HasExp)
        {
            throw new CognitoTokenLifetimeException("The token has no 'exp' claim; Cognito tokens always expire.", "exp", null);
        }

        var now = NowMs();
        CheckTimes(claims.Exp, claims.Nbf, now);
        if (claims.Iat is { } iat && (iat * 1000) - _skewMs > now)
        {
            throw new CognitoTokenLifetimeException(
                $"The token was issued at {TokenText.Time(iat)} (iat), in the future: it is now {TokenText.Time(now / 1000)} and the clock skew is {_skewText} s.",
                "iat not after " + TokenText.Time(now / 1000),
                TokenText.Time(iat));
        }

        if (pool.MaxAuthenticationAge is { } maxAge)
        {
            if (claims.AuthTime is not { } authTime)
            {
                throw new CognitoTokenLifetimeException("The token has no 'auth_time' claim; the user pool requires a recent sign-in.", "auth_time", null);
            }

            if (now - (authTime * 1000) > (long)maxAge.TotalMilliseconds + _skewMs)
            {
                throw new CognitoTokenLifetimeException(
                    $"The user signed in at {TokenText.Time(authTime)} (auth_time), more than {maxAge.TotalSeconds:0} s ago; sign in again.",
                    "auth_time after " + TokenText.Time((now - (long)maxAge.TotalMilliseconds) / 1000),
                    TokenText.Time(authTime));
            }
        }
    }

    private static void CheckGroupsAndScopes(CognitoValidatedToken token, CognitoUserPool pool)
    {
        if (pool.RequiredGroups.Length > 0 && !token.Groups.Any(pool.RequiredGroups.Contains))
        {
            var expected = TokenText.List(pool.RequiredGroups);
            var actual = token.Groups.Count > 0 ? TokenText.List(token.Groups.Select(TokenText.Safe)) : "none";
            throw new CognitoTokenGroupException(
                $"The token's cognito:groups ({actual}) contains none of the required groups {expected}.", expected, actual);
        }

        if (pool.RequiredScopes.Length > 0 && !token.Scopes.Any(pool.RequiredScopes.Contains))
        {
            var expected = TokenText.List(pool.RequiredScopes);
            var actual = token.Scopes.Count > 0 ? TokenText.List(token.Scopes.Select(TokenText.Safe)) : "none";
            throw new CognitoTokenScopeException(
                $"The token's scope ({actual}) contains none of the required scopes {expected}.", expected, actual);
        }
    }

    private void CheckTimes(long exp, long? nbf, long nowMs)
    {
        if (nowMs >= (exp * 1000) + _skewMs)
        {
            throw new CognitoTokenExpiredException(
                $"The token expired at {TokenText.Time(exp)}; it is now {TokenText.Time(nowMs / 1000)} and the clock skew is {_skewText} s.",
                "exp after " + TokenText.Time((nowMs - _skewMs) / 1000),
                TokenText.Time(exp));
        }

        if (nbf is { } notBefore && (notBefore * 1000) - _skewMs > nowMs)
        {
            throw new CognitoTokenNotYetValidException(
                $"The token is not valid before {TokenText.Time(notBefore)} (nbf); it is now {TokenText.Time(nowMs / 1000)} and the clock skew is {_skewText} s.",
                "nbf not after " + TokenText.Time((nowMs + _skewMs) / 1000),
                TokenText.Time(notBefore));
        }
    }

    private static string UseName(CognitoTokenUse use) => use == CognitoTokenUse.Access ? "access" : "id";

    private static int ReadHeader(ReadOnlySpan<byte> json, Span<char> kid)
    {
        var kidLength = -1;
        var hasAlg = false;
        var isRs256 = false;
        string? alg = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CognitoTokenMalformedException("The token header is not a JSON object.", "JSON object", null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    Once(ref hasAlg, "alg", "header parameter");
                    ReadString(ref reader, "alg", "header parameter");
                    isRs256 = reader.ValueTextEquals("RS256"u8);
                    alg = isRs256 ? null : reader.GetString();
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    var seen = kidLength >= 0;
                    Once(ref seen, "kid", "header parameter");
                    ReadString(ref reader, "kid", "header parameter");
                    if (reader.HasValueSequence || reader.ValueSpan.Length > kid.Length)
                    {
                        throw new CognitoTokenMalformedException(
                            $"The token's kid is longer than {MaxKidChars} characters.", TokenText.Number(MaxKidChars), null);
                    }

                    kidLength = reader.CopyString(kid);
                }
                else if (reader.ValueTextEquals("crit"u8))
                {
                    throw new CognitoTokenMalformedException(
                        "The token header has a 'crit' parameter; no critical extensions are supported.", "no crit", "crit");
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new CognitoTokenMalformedException("The token header has content after its JSON object.", "JSON object", null);
            }
        }
        catch (JsonException)
        {
            throw new CognitoTokenMalformedException("The token header is not valid JSON.", "JSON object", null);
        }

        if (!hasAlg)
        {
            throw new CognitoTokenAlgorithmException("The token header has no 'alg'; expected 'RS256'.", "RS256", null);
        }

        if (!isRs256)
        {
            throw new CognitoTokenAlgorithmException(
                $"The token's alg '{TokenText.Safe(alg)}' is not allowed; expected 'RS256'.", "RS256", TokenText.Safe(alg));
        }

        return kidLength;
    }

    private void ReadPayload(ReadOnlySpan<byte> json, ref CognitoJwtClaims claims)
    {
        bool tokenUse = false, clientId = false, aud = false, sub = false, username = false, cognitoUsername = false;
        bool groups = false, scope = false, jti = false, originJti = false, nbf = false, iat = false, authTime = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CognitoTokenMalformedException("The token payload is not a JSON object.", "JSON object", null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (Identify(ref reader))
                {
                    case PayloadClaim.Iss:
                        Once(ref claims.HasIssuer, "iss");
                        ReadString(ref reader, "iss");
                        claims.Pool = MatchPool(ref reader);
                        claims.Issuer = claims.Pool is null ? reader.GetString() : null;
                        break;
                    case PayloadClaim.TokenUse:
                        Once(ref tokenUse, "token_use");
                        ReadString(ref reader, "token_use");
                        claims.HasTokenUse = true;
                        claims.TokenUse = reader.ValueTextEquals("access"u8) ? CognitoTokenUse.Access
                            : reader.ValueTextEquals("id"u8) ? CognitoTokenUse.Id : null;
                        claims.OtherTokenUse = claims.TokenUse is null ? reader.GetString() : null;
                        break;
                    case PayloadClaim.Exp:
                        Once(ref claims.HasExp, "exp");
                        claims.Exp = ReadNumericDate(ref reader, "exp");
                        break;
                    case PayloadClaim.ClientId:
                        claims.ClientId = ReadStringValue(ref reader, ref clientId, "client_id");
                        break;
                    case PayloadClaim.Aud:
                        claims.Audience = ReadStringValue(ref reader, ref aud, "aud");
                        break;
                    case PayloadClaim.Sub:
                        claims.Subject = ReadStringValue(ref reader, ref sub, "sub");
                        break;
                    case PayloadClaim.Username:
                        CheckString(ref reader, ref username, "username");
                        break;
                    case PayloadClaim.CognitoUsername:
                        CheckString(ref reader, ref cognitoUsername, "cognito:username");
                        break;
                    case PayloadClaim.Scope:
                        CheckString(ref reader, ref scope, "scope");
                        break;
                    case PayloadClaim.Jti:
                        CheckString(ref reader, ref jti, "jti");
                        break;
                    case PayloadClaim.OriginJti:
                        CheckString(ref reader, ref originJti, "origin_jti");
                        break;
                    case PayloadClaim.Iat:
                        Once(ref iat, "iat");
                        claims.Iat = ReadNumericDate(ref reader, "iat");
                        break;
                    case PayloadClaim.Nbf:
                        Once(ref nbf, "nbf");
                        claims.Nbf = ReadNumericDate(ref reader, "nbf");
                        break;
                    case PayloadClaim.AuthTime:
                        Once(ref authTime, "auth_time");
                        claims.AuthTime = ReadNumericDate(ref reader, "auth_time");
                        break;
                    case PayloadClaim.Groups:
                        Once(ref groups, "cognito:groups");
                        CheckStringArray(ref reader, "cognito:groups");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.Read())
            {
                throw new CognitoTokenMalformedException("The token payload has content after its JSON object.", "JSON object", null);
            }
        }
        catch (JsonException)
        {
            throw new CognitoTokenMalformedException("The token payload is not valid JSON.", "JSON object", null);
        }

    }

    /// <summary>Names the claim at the reader: by length and bytes for the usual unescaped names, by unescaping compare otherwise.</summary>
    private static PayloadClaim Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            foreach (var (name, claim) in ClaimNames)
            {
                if (reader.ValueTextEquals(name))
                {
                    return claim;
                }
            }

            return PayloadClaim.Other;
        }

        var n = reader.ValueSpan;
        return n.Length switch
        {
            3 => n.SequenceEqual("iss"u8) ? PayloadClaim.Iss
                : n.SequenceEqual("exp"u8) ? PayloadClaim.Exp
                : n.SequenceEqual("sub"u8) ? PayloadClaim.Sub
                : n.SequenceEqual("iat"u8) ? PayloadClaim.Iat
                : n.SequenceEqual("jti"u8) ? PayloadClaim.Jti
                : n.SequenceEqual("aud"u8) ? PayloadClaim.Aud
                : n.SequenceEqual("nbf"u8) ? PayloadClaim.Nbf
                : PayloadClaim.Other,
            5 => n.SequenceEqual("scope"u8) ? PayloadClaim.Scope : PayloadClaim.Other,
            8 => n.SequenceEqual("username"u8) ? PayloadClaim.Username : PayloadClaim.Other,
            9 => n.SequenceEqual("token_use"u8) ? PayloadClaim.TokenUse
                : n.SequenceEqual("client_id"u8) ? PayloadClaim.ClientId
                : n.SequenceEqual("auth_time"u8) ? PayloadClaim.AuthTime
                : PayloadClaim.Other,
            10 => n.SequenceEqual("origin_jti"u8) ? PayloadClaim.OriginJti : PayloadClaim.Other,
            14 => n.SequenceEqual("cognito:groups"u8) ? PayloadClaim.Groups : PayloadClaim.Other,
            16 => n.SequenceEqual("cognito:username"u8) ? PayloadClaim.CognitoUsername : PayloadClaim.Other,
            _ => PayloadClaim.Other,
        };
    }

    private CognitoUserPool? MatchPool(ref Utf8JsonReader reader)
    {
        foreach (var pool in _pools)
        {
            if (reader.ValueTextEquals(pool.IssuerUtf8))
            {
                return pool;
            }
        }

        return null;
    }

    private static void Once(ref bool seen, string name, string kind = "claim")
    {
        if (seen)
        {
            throw new CognitoTokenMalformedException($"The token's {kind} '{name}' appears more than once.", "once", "twice");
        }

        seen = true;
    }

    private static string ReadStringValue(ref Utf8JsonReader reader, ref bool seen, string name)
    {
        Once(ref seen, name);
        ReadString(ref reader, name);
        return reader.GetString()!;
    }

    private static void ReadString(ref Utf8JsonReader reader, string name, string kind = "claim")
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(name, kind, "a string", reader.TokenType);
        }
    }

    private static long ReadNumericDate(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongType(name, "claim", "a NumericDate (a JSON number)", reader.TokenType);
        }

        long value;
        if (!reader.TryGetInt64(out value))
        {
            var number = reader.GetDouble();
            value = double.IsFinite(number) && number is >= 0 and <= MaxNumericDate ? (long)Math.Floor(number) : -1;
        }

        if (value is < 0 or > MaxNumericDate)
        {
            throw new CognitoTokenMalformedException(
                $"The token's claim '{name}' is out of the range of a NumericDate.", "0 to " + TokenText.Number(MaxNumericDate), null);
        }

        return value;
    }

    /// <summary>Checks the claim is a string; its value is read later, only if asked for (<see cref="CognitoValidatedToken"/>).</summary>
    private static void CheckString(ref Utf8JsonReader reader, ref bool seen, string name)
    {
        Once(ref seen, name);
        ReadString(ref reader, name);
    }

    private static void CheckStringArray(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, "claim", "an array of strings", reader.TokenType);
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw WrongType(name, "claim", "an array of strings", reader.TokenType);
            }
        }
    }

    private static CognitoTokenMalformedException WrongType(string name, string kind, string expected, JsonTokenType actual)
    {
        var found = actual switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => actual.ToString(),
        };
        return new CognitoTokenMalformedException($"The token's {kind} '{name}' must be {expected}; found {found}.", expected, found);
    }

    private enum PayloadClaim
    {
        Other,
        Iss,
        TokenUse,
        Exp,
        ClientId,
        Aud,
        Sub,
        Username,
        CognitoUsername,
        Scope,
        Jti,
        OriginJti,
        Iat,
        Nbf,
        AuthTime,
        Groups,
    }
}
