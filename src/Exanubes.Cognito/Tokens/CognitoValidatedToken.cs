using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// A Cognito access or id token that passed every check, with its claims typed. Build a
/// <see cref="ClaimsPrincipal"/> from it with <see cref="CreatePrincipal"/>; the principal carries every claim of the
/// token under its Cognito name (see <see cref="CognitoClaimTypes"/>).
/// </summary>
/// <remarks>
/// Instances are immutable and may be shared by repeat validations of the same token (the validated-token cache);
/// <see cref="CreatePrincipal"/> returns a new principal on every call, so claims transformation cannot leak between
/// requests.
/// </remarks>
public sealed class CognitoValidatedToken
{
    private const long Absent = -1;

    /// <summary>The decoded payload: <see cref="JwsToken.Buffer"/> of the one read.</summary>
    private readonly byte[] _buffer;
    private readonly string _token;
    private readonly int _payloadLength;
    private readonly Utf8Slice _subject;
    private readonly Utf8Slice _username;
    private readonly Utf8Slice _jwtId;
    private readonly Utf8Slice _originJti;
    private readonly Utf8Slice _scope;
    private readonly Utf8Slice _groups;
    private readonly long _notBefore;
    private readonly long _issuedAt;
    private readonly long _authTime;
    private string? _subjectText;
    private Details? _details;

    internal CognitoValidatedToken(string token, CognitoUserPool pool, string issuer, CognitoTokenUse tokenUse, CognitoSigningKey key, string clientId, in JwsToken jws)
    {
        _token = token;
        Pool = pool;
        Issuer = issuer;
        TokenUse = tokenUse;
        Key = key;
        ClientId = clientId;
        _buffer = jws.Buffer;
        _payloadLength = jws.PayloadLength;
        _subject = jws.Text(JwtClaim.Subject);
        _username = jws.Text(tokenUse == CognitoTokenUse.Access ? JwtClaim.Username : JwtClaim.CognitoUsername);
        _jwtId = jws.Text(JwtClaim.JwtId);
        _originJti = jws.Text(JwtClaim.OriginJti);
        _scope = jws.Text(JwtClaim.Scope);
        _groups = jws.Text(JwtClaim.Groups);
        ExpiresAtSeconds = jws.Number(JwtClaim.ExpiresAt);
        _notBefore = jws.Has(JwtClaim.NotBefore) ? jws.Number(JwtClaim.NotBefore) : Absent;
        _issuedAt = jws.Has(JwtClaim.IssuedAt) ? jws.Number(JwtClaim.IssuedAt) : Absent;
        _authTime = jws.Has(JwtClaim.AuthTime) ? jws.Number(JwtClaim.AuthTime) : Absent;
    }

    /// <summary>The kind of token: access or id.</summary>
    public CognitoTokenUse TokenUse { get; }

    /// <summary>The user pool that issued the token.</summary>
    public string UserPoolId => Pool.UserPoolId;

    /// <summary>The token's <c>iss</c>.</summary>
    public string Issuer { get; }

    /// <summary>The <c>kid</c> of the JWK that verified the signature.</summary>
    public string KeyId => Key.KeyId;

    /// <summary><c>sub</c>: the user's immutable id (for client-credentials tokens, the app client id).</summary>
    public string Subject => _subjectText ??= _subject.GetString(_buffer);

    /// <summary>The user name: <c>username</c> of an access token, <c>cognito:username</c> of an id token; <see langword="null"/> when absent (client-credentials tokens).</summary>
    public string? Username => GetDetails().Username;

    /// <summary>The app client the token was issued to: <c>client_id</c> of an access token, <c>aud</c> of an id token.</summary>
    public string ClientId { get; }

    /// <summary><c>cognito:groups</c>: the user's groups; empty when the user is in none.</summary>
    public IReadOnlyList<string> Groups => GetDetails().Groups;

    /// <summary><c>scope</c> split on spaces; empty for id tokens.</summary>
    public IReadOnlyList<string> Scopes => GetDetails().Scopes;

    /// <summary><c>auth_time</c>: when the user signed in; <see langword="null"/> when absent.</summary>
    public DateTimeOffset? AuthTime => AuthTimeSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>iat</c>: when the token was issued; <see langword="null"/> when absent.</summary>
    public DateTimeOffset? IssuedAt => IssuedAtSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>exp</c>: when the token expires.</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtSeconds);

    /// <summary><c>nbf</c>: the token is not valid before; <see langword="null"/> when absent (Cognito does not set it).</summary>
    public DateTimeOffset? NotBefore => NotBeforeSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>jti</c>: the token's unique id; <see langword="null"/> when absent.</summary>
    public string? JwtId => GetDetails().JwtId;

    /// <summary><c>origin_jti</c>: shared by all tokens of one sign-in (use it for revocation); <see langword="null"/> when absent.</summary>
    public string? OriginJti => GetDetails().OriginJti;

    internal CognitoUserPool Pool { get; }

    /// <summary>The JWK that verified the signature; a cache hit checks it is still published.</summary>
    internal CognitoSigningKey Key { get; }

    internal long ExpiresAtSeconds { get; }

    internal long? NotBeforeSeconds => _notBefore == Absent ? null : _notBefore;

    internal long? IssuedAtSeconds => _issuedAt == Absent ? null : _issuedAt;

    internal long? AuthTimeSeconds => _authTime == Absent ? null : _authTime;

    /// <summary>
    /// The whole token as the caller passed it, for the validated-token cache to compare a candidate with: kept by
    /// reference, so a first sight copies nothing of it.
    /// </summary>
    internal string Token => _token;

    /// <summary>What this entry keeps alive in the validated-token cache, in bytes: the token's string (UTF-16), the payload buffer and the objects.</summary>
    internal int RetainedBytes => (_token.Length * sizeof(char)) + _buffer.Length + 320;

    /// <summary>The next entry of its validated-token cache bucket; set once, before the entry is published.</summary>
    internal CognitoValidatedToken? CacheNext { get; set; }

    internal int CacheHash { get; set; }

    /// <summary>
    /// Builds a new principal with every claim of the token under its Cognito name: one claim per group
    /// (<c>cognito:groups</c>, the role claim type) and per scope (<c>scope</c>); the name claim type is
    /// <c>username</c> (access tokens) or <c>cognito:username</c> (id tokens). Numbers keep their JSON text;
    /// objects and arrays of objects are kept as JSON.
    /// </summary>
    /// <param name="authenticationType">The identity's authentication type. Default: <c>Cognito</c>.</param>
    /// <returns>A principal with one authenticated identity.</returns>
    public ClaimsPrincipal CreatePrincipal(string authenticationType = "Cognito") => new(CreateIdentity(authenticationType));

    internal ClaimsIdentity CreateIdentity(string authenticationType)
    {
        var nameType = TokenUse == CognitoTokenUse.Access ? CognitoClaimTypes.Username : CognitoClaimTypes.CognitoUsername;
        var identity = new ClaimsIdentity(authenticationType, nameType, CognitoClaimTypes.Groups);
        var payload = _buffer.AsSpan(0, _payloadLength);
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = reader.ValueIsEscaped ? JwtClaim.Other : JwtClaimTable.Identify(reader.ValueSpan);
            var name = known == JwtClaim.Other ? reader.GetString()! : JwtClaimTable.Name(known);
            reader.Read();
            AddClaims(identity, name, ref reader, payload);
        }

        return identity;
    }

    /// <summary>The claims read only when asked for, from the positions the reader recorded; kept once read.</summary>
    private Details GetDetails()
    {
        var details = Volatile.Read(ref _details);
        if (details is not null)
        {
            return details;
        }

        details = new Details
        {
            Username = _username.IsPresent ? _username.GetString(_buffer) : null,
            JwtId = _jwtId.IsPresent ? _jwtId.GetString(_buffer) : null,
            OriginJti = _originJti.IsPresent ? _originJti.GetString(_buffer) : null,
            Scopes = _scope.IsPresent ? _scope.GetString(_buffer).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
            Groups = _groups.IsPresent ? _groups.GetStrings(_buffer) : [],
        };
        return Interlocked.CompareExchange(ref _details, details, null) ?? details;
    }

    private void AddClaims(ClaimsIdentity identity, string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> payload)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when name == CognitoClaimTypes.Scope:
                foreach (var scope in reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    identity.AddClaim(new Claim(name, scope, ClaimValueTypes.String, Issuer));
                }

                break;
            case JsonTokenType.String:
                identity.AddClaim(new Claim(name, reader.GetString()!, ClaimValueTypes.String, Issuer));
                break;
            case JsonTokenType.Number:
                var type = reader.TryGetInt64(out _) ? ClaimValueTypes.Integer64 : ClaimValueTypes.Double;
                identity.AddClaim(new Claim(name, Encoding.UTF8.GetString(reader.ValueSpan), type, Issuer));
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                identity.AddClaim(new Claim(name, reader.TokenType == JsonTokenType.True ? "true" : "false", ClaimValueTypes.Boolean, Issuer));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                    {
                        identity.AddClaim(new Claim(name, RawJson(ref reader, payload), "JSON", Issuer));
                    }
                    else
                    {
                        AddClaims(identity, name, ref reader, payload);
                    }
                }

                break;
            case JsonTokenType.StartObject:
                identity.AddClaim(new Claim(name, RawJson(ref reader, payload), "JSON", Issuer));
                break;
            default:
                break;
        }
    }

    /// <summary>The JSON text of the object or array at the reader, which it then skips.</summary>
    private static string RawJson(ref Utf8JsonReader reader, ReadOnlySpan<byte> payload)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(payload[start..(int)reader.BytesConsumed]);
    }

    private sealed class Details
    {
        public string? Username { get; init; }

        public string? JwtId { get; init; }

        public string? OriginJti { get; init; }

        public string[] Scopes { get; init; } = [];

        public string[] Groups { get; init; } = [];
    }

    /// <summary>Describes the token without its content: use, pool, subject and expiry.</summary>
    /// <returns>A short description safe to log.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Cognito {TokenUse} token of {UserPoolId} for sub {Subject}, expires {ExpiresAt:O}");
}
