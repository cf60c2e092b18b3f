using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Tokens;

/// <summary>The accepted user pools with their signing key caches, built once from the validated options.</summary>
internal sealed class CognitoUserPoolRegistry
{
    public CognitoUserPoolRegistry(
        IOptions<CognitoTokenValidationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        Options = options.Value;
        var client = new JwksClient(httpClientFactory, time, Options.JwksTimeout, Options.JwksMaxResponseBytes);
        var logger = loggerFactory.CreateLogger<CognitoSigningKeyCache>();
        Pools = [.. Options.UserPools.Select(p => new CognitoUserPool(
            p, (jwksUri, seed) => new CognitoSigningKeyCache(p.UserPoolId, jwksUri, seed, client, time, logger, Options.JwksMinimumRefreshInterval)))];
    }

    public CognitoTokenValidationOptions Options { get; }

    public IReadOnlyList<CognitoUserPool> Pools { get; }

    /// <summary>Every accepted issuer of every pool.</summary>
    public IEnumerable<CognitoIssuer> Issuers => Pools.SelectMany(p => p.Issuers);

    /// <summary>The distinct signing key caches that need keys now: of a pinned issuer, pre-seeded, or already used by a token.</summary>
    public IEnumerable<CognitoSigningKeyCache> KeyCachesInUse =>
        Issuers.Where(i => i.Pinned || i.Keys.InUse).Select(i => i.Keys).Distinct();
}
