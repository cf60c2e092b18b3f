using System.Collections.Frozen;
using System.Text;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Tokens;

/// <summary>One accepted user pool, resolved from <see cref="CognitoUserPoolTokenOptions"/> once at start-up.</summary>
internal sealed class CognitoUserPool
{
    /// <param name="options">The pool's validated options.</param>
    /// <param name="keys">Makes a signing key cache for a JWKS address, or for a pre-seeded JWKS document.</param>
    public CognitoUserPool(CognitoUserPoolTokenOptions options, Func<Uri?, ReadOnlyMemory<byte>?, CognitoSigningKeyCache> keys)
    {
        UserPoolId = options.UserPoolId;
        Id = CognitoUserPoolId.TryParse(options.UserPoolId, out var id) ? id : throw new ArgumentException(
            CognitoUserPoolId.Check(options.UserPoolId, "CognitoUserPoolTokenOptions.UserPoolId"), nameof(options));
        ClientIds = options.AllowAnyClient ? null : options.ClientIds.ToFrozenSet(StringComparer.Ordinal);
        _clientIdsUtf8 = options.AllowAnyClient ? null : [.. options.ClientIds.Distinct(StringComparer.Ordinal).Select(c => (Encoding.UTF8.GetBytes(c), c))];
        ExpectedClients = options.AllowAnyClient ? "any app client" : TokenText.List(options.ClientIds);
        RequiredGroups = [.. options.RequiredGroups];
        RequiredScopes = [.. options.RequiredScopes];
        MaxAuthenticationAge = options.MaxAuthenticationAge;
        AdditionalCheck = options.AdditionalCheck;
        Issuers = BuildIssuers(options, Id, keys);
    }

    private readonly (byte[] Utf8, string Text)[]? _clientIdsUtf8;

    public string UserPoolId { get; }

    /// <summary>The parsed pool id: region, partition and both issuer forms.</summary>
    public CognitoUserPoolId Id { get; }

    /// <summary>The allowed app clients, or <see langword="null"/> when any client is allowed.</summary>
    public FrozenSet<string>? ClientIds { get; }

    public string ExpectedClients { get; }

    /// <summary>The accepted app client id the token's <c>client_id</c>/<c>aud</c> names (the configured instance), or <see langword="null"/>.</summary>
    public string? MatchClient(Utf8Slice client, byte[] buffer)
    {
        if (_clientIdsUtf8 is null)
        {
            return client.GetString(buffer);
        }

        if (!client.Escaped)
        {
            foreach (var (utf8, text) in _clientIdsUtf8)
            {
                if (client.Span(buffer).SequenceEqual(utf8))
                {
                    return text;
                }
            }

            return null;
        }

        return ClientIds!.TryGetValue(client.GetString(buffer), out var configured) ? configured : null;
    }

    public string[] RequiredGroups { get; }

    public string[] RequiredScopes { get; }

    public TimeSpan? MaxAuthenticationAge { get; }

    public Action<CognitoValidatedToken>? AdditionalCheck { get; }

    /// <summary>The accepted issuers: the exact <see cref="CognitoUserPoolTokenOptions.Issuer"/>, or each form in the pool's region and its replica regions.</summary>
    public IReadOnlyList<CognitoIssuer> Issuers { get; }

    /// <summary>The distinct signing key caches of <see cref="Issuers"/> (one when the JWKS is set apart from the issuer or pre-seeded).</summary>
    public IEnumerable<CognitoSigningKeyCache> KeyCaches => Issuers.Select(i => i.Keys).Distinct();

    /// <summary>The JWKS document of <see cref="CognitoUserPoolTokenOptions.Jwks"/> or <see cref="CognitoUserPoolTokenOptions.JwksFile"/>, or <see langword="null"/>.</summary>
    public static ReadOnlyMemory<byte>? SeedOf(CognitoUserPoolTokenOptions options)
    {
        if (options.Jwks is { } jwks)
        {
            return Encoding.UTF8.GetBytes(jwks);
        }

        if (options.JwksFile is { } file)
        {
            return File.ReadAllBytes(file);
        }

        return null;
    }

    private CognitoIssuer[] BuildIssuers(CognitoUserPoolTokenOptions options, CognitoUserPoolId id, Func<Uri?, ReadOnlyMemory<byte>?, CognitoSigningKeyCache> keys)
    {
        var seed = SeedOf(options);
        var shared = seed is not null || options.JwksUri is not null ? keys(options.JwksUri, seed) : null;
        if (options.Issuer is { } exact)
        {
            var value = exact.OriginalString.TrimEnd('/');
            return [new CognitoIssuer(value, this, shared ?? keys(CognitoUserPoolId.JwksUriOf(exact), null), pinned: true)];
        }

        CognitoIssuerForm[] forms = options.IssuerForm is { } pinned ? [pinned] : [CognitoIssuerForm.Original, CognitoIssuerForm.Updated];
        var issuers = new List<CognitoIssuer>();
        foreach (var region in options.ReplicaRegions.Prepend(id.Region).Distinct(StringComparer.Ordinal))
        {
            foreach (var form in forms)
            {
                var host = form == CognitoIssuerForm.Original ? "cognito-idp" : "issuer-cognito-idp";
                var value = $"https://{host}.{region}.{id.DnsSuffix}/{id.Value}";
                var isPinned = seed is not null || (options.IssuerForm is not null && region == id.Region);
                issuers.Add(new CognitoIssuer(value, this, shared ?? keys(CognitoUserPoolId.JwksUriOf(new Uri(value)), null), isPinned));
            }
        }

        return [.. issuers];
    }
}
