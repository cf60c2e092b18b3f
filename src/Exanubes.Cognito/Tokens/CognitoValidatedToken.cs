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
    private readonly string _token;
    private readonly string? _scope;
    private IReadOnlyList<string>? _scopes;

    internal CognitoValidatedToken(string token, CognitoUserPool pool, CognitoTokenUse tokenUse, string keyId, in CognitoJwtClaims claims)
    {
        _token = token;
        Pool = pool;
        TokenUse = tokenUse;
        KeyId = keyId;
        Subject = claims.Subject!;
        Username = claims.Username;
        ClientId = claims.ClientIdFor(tokenUse)!;
        Groups = claims.Groups ?? [];
        _scope = claims.Scope;
        ExpiresAtSeconds = claims.Exp;
        NotBeforeSeconds = claims.Nbf;
        IssuedAtSeconds = claims.Iat;
        AuthTimeSeconds = claims.AuthTime;
        JwtId = claims.Jti;
        OriginJti = claims.OriginJti;
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
    public string? Username { get; }

    /// <summary>The app client the token was issued to: <c>client_id</c> of an access token, <c>aud</c> of an id token.</summary>
    public string ClientId { get; }

    /// <summary><c>cognito:groups</c>: the user's groups; empty when the user is in none.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary><c>scope</c> split on spaces; empty for id tokens.</summary>
    public IReadOnlyList<string> Scopes => _scopes ??= _scope is null ? [] : _scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>auth_time</c>: when the user signed in; <see langword="null"/> when absent.</summary>
    public DateTimeOffset? AuthTime => AuthTimeSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>iat</c>: when the token was issued; <see langword="null"/> when absent.</summary>
    public DateTimeOffset? IssuedAt => IssuedAtSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>exp</c>: when the token expires.</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtSeconds);

    /// <summary><c>nbf</c>: the token is not valid before; <see langword="null"/> when absent (Cognito does not set it).</summary>
    public DateTimeOffset? NotBefore => NotBeforeSeconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary><c>jti</c>: the token's unique id; <see langword="null"/> when absent.</summary>
    public string? JwtId { get; }

    /// <summary><c>origin_jti</c>: shared by all tokens of one sign-in (use it for revocation); <see langword="null"/> when absent.</summary>
    public string? OriginJti { get; }

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
        var dot1 = _token.IndexOf('.', StringComparison.Ordinal);
        var dot2 = _token.IndexOf('.', dot1 + 1);
        var encoded = _token.AsSpan(dot1 + 1, dot2 - dot1 - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encoded.Length));
        try
        {
            var written = Base64Url.DecodeFromChars(encoded, buffer);
            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                AddClaims(identity, property.Name, property.Value, Issuer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return identity;
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

    /// <summary>Describes the token without its content: use, pool, subject and expiry.</summary>
    /// <returns>A short description safe to log.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Cognito {TokenUse} token of {UserPoolId} for sub {Subject}, expires {ExpiresAt:O}");
}
