using System.Collections.Frozen;
using System.Text;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Tokens;

/// <summary>One accepted user pool, resolved from <see cref="CognitoUserPoolTokenOptions"/> once at start-up.</summary>
internal sealed class CognitoUserPool
{
    public CognitoUserPool(CognitoUserPoolTokenOptions options, Func<CognitoUserPool, CognitoSigningKeyCache> keys)
    {
        UserPoolId = options.UserPoolId;
        Id = CognitoUserPoolId.TryParse(options.UserPoolId, out var id) ? id : throw new ArgumentException(
            CognitoUserPoolId.Check(options.UserPoolId, "CognitoUserPoolTokenOptions.UserPoolId"), nameof(options));
        Issuer = options.Issuer!.OriginalString.TrimEnd('/');
        IssuerUtf8 = Encoding.UTF8.GetBytes(Issuer);
        JwksUri = options.JwksUri!;
        ClientIds = options.AllowAnyClient ? null : options.ClientIds.ToFrozenSet(StringComparer.Ordinal);
        _clientIdsUtf8 = options.AllowAnyClient ? null : [.. options.ClientIds.Distinct(StringComparer.Ordinal).Select(c => (Encoding.UTF8.GetBytes(c), c))];
        ExpectedClients = options.AllowAnyClient ? "any app client" : TokenText.List(options.ClientIds);
        RequiredGroups = [.. options.RequiredGroups];
        RequiredScopes = [.. options.RequiredScopes];
        MaxAuthenticationAge = options.MaxAuthenticationAge;
        AdditionalCheck = options.AdditionalCheck;
        Keys = keys(this);
    }

    private readonly (byte[] Utf8, string Text)[]? _clientIdsUtf8;

    public string UserPoolId { get; }

    /// <summary>The parsed pool id: region, partition and both issuer forms.</summary>
    public CognitoUserPoolId Id { get; }

    public string Issuer { get; }

    public byte[] IssuerUtf8 { get; }

    public Uri JwksUri { get; }

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

    public CognitoSigningKeyCache Keys { get; }
}
