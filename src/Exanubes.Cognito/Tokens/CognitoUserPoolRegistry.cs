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
            p, pool => new CognitoSigningKeyCache(pool, client, time, logger, Options.JwksMinimumRefreshInterval)))];
    }

    public CognitoTokenValidationOptions Options { get; }

    public IReadOnlyList<CognitoUserPool> Pools { get; }
}
