using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
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
    private static readonly byte[] UsernameClaim = "username"u8.ToArray();
    private static readonly byte[] CognitoUsernameClaim = "cognito:username"u8.ToArray();

    private readonly string _token;
    private Details? _details;

    internal CognitoValidatedToken(string token, CognitoUserPool pool, CognitoTokenUse tokenUse, string keyId, in CognitoJwtClaims claims)
    {
        _token = token;
        Pool = pool;
        TokenUse = tokenUse;
        KeyId = keyId;
        Subject = claims.Subject!;
        ClientId = claims.ClientIdFor(tokenUse)!;
        ExpiresAtSeconds = claims.Exp;
        NotBeforeSeconds = claims.Nbf;
        IssuedAtSeconds = claims.Iat;
        AuthTimeSeconds = claims.AuthTime;
    }

    /// <summary>The kind of token: access or id.</summary>
    public CognitoTokenUse TokenUse { get; }

    /// <summary>The user pool that issued the token.</summary>
    public string UserPoolId => Pool.UserPoolId;

    /// <summary>The token's <c>iss</c>.</summary>
    public string Issuer => Pool.Issuer;

    /// <summary>The <c>kid</c> of the JWK that verified the signature.</summary>
    public string KeyId { get; }

    /// <summary><c>sub</c>: the user's immutable id (for client-credentials tokens, the app client id).</summary>
    public string Subject { get; }

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

    internal long ExpiresAtSeconds { get; }

    internal long? NotBeforeSeconds { get; }

    internal long? IssuedAtSeconds { get; }

    internal long? AuthTimeSeconds { get; }

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
        WithPayload((Identity: identity, Issuer: Issuer), static (payload, state) =>
        {
            using var document = JsonDocument.Parse(payload);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                AddClaims(state.Identity, property.Name, property.Value, state.Issuer);
            }
        });
        return identity;
    }

    /// <summary>
    /// The claims read only when asked for, so validation allocates no string it does not need. The validator has
    /// already checked their JSON types; they are read from the (verified) payload once and kept.
    /// </summary>
    private Details GetDetails()
    {
        var details = Volatile.Read(ref _details);
        if (details is not null)
        {
            return details;
        }

        details = new Details();
        var usernameClaim = TokenUse == CognitoTokenUse.Access ? UsernameClaim : CognitoUsernameClaim;
        WithPayload((details, usernameClaim), static (payload, state) =>
        {
            var (d, usernameName) = state;
            var reader = new Utf8JsonReader(payload.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(usernameName))
                {
                    reader.Read();
                    d.Username = reader.GetString();
                }
                else if (reader.ValueTextEquals("jti"u8))
                {
                    reader.Read();
                    d.JwtId = reader.GetString();
                }
                else if (reader.ValueTextEquals("origin_jti"u8))
                {
                    reader.Read();
                    d.OriginJti = reader.GetString();
                }
                else if (reader.ValueTextEquals("scope"u8))
                {
                    reader.Read();
                    d.Scopes = reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                }
                else if (reader.ValueTextEquals("cognito:groups"u8))
                {
                    reader.Read();
                    var groups = new List<string>();
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        groups.Add(reader.GetString()!);
                    }

                    d.Groups = [.. groups];
                }
                else
                {
                    reader.Skip();
                }
            }
        });
        return Interlocked.CompareExchange(ref _details, details, null) ?? details;
    }

    private void WithPayload<TState>(TState state, Action<ReadOnlyMemory<byte>, TState> read)
    {
        var dot1 = _token.IndexOf('.', StringComparison.Ordinal);
        var dot2 = _token.IndexOf('.', dot1 + 1);
        var encoded = _token.AsSpan(dot1 + 1, dot2 - dot1 - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encoded.Length));
        try
        {
            var written = Base64Url.DecodeFromChars(encoded, buffer);
            read(buffer.AsMemory(0, written), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AddClaims(ClaimsIdentity identity, string name, JsonElement value, string issuer)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when name == CognitoClaimTypes.Scope:
                foreach (var scope in value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    identity.AddClaim(new Claim(name, scope, ClaimValueTypes.String, issuer));
                }

                break;
            case JsonValueKind.String:
                identity.AddClaim(new Claim(name, value.GetString()!, ClaimValueTypes.String, issuer));
                break;
            case JsonValueKind.Number:
                var type = value.TryGetInt64(out _) ? ClaimValueTypes.Integer64 : ClaimValueTypes.Double;
                identity.AddClaim(new Claim(name, value.GetRawText(), type, issuer));
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                identity.AddClaim(new Claim(name, value.ValueKind == JsonValueKind.True ? "true" : "false", ClaimValueTypes.Boolean, issuer));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        identity.AddClaim(new Claim(name, item.GetRawText(), "JSON", issuer));
                    }
                    else
                    {
                        AddClaims(identity, name, item, issuer);
                    }
                }

                break;
            case JsonValueKind.Object:
                identity.AddClaim(new Claim(name, value.GetRawText(), "JSON", issuer));
                break;
            default:
                break;
        }
    }

    private sealed class Details
    {
        public string? Username { get; set; }

        public string? JwtId { get; set; }

        public string? OriginJti { get; set; }

        public string[] Scopes { get; set; } = [];

        public string[] Groups { get; set; } = [];
    }

    /// <summary>Describes the token without its content: use, pool, subject and expiry.</summary>
    /// <returns>A short description safe to log.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Cognito {TokenUse} token of {UserPoolId} for sub {Subject}, expires {ExpiresAt:O}");
}
