using Exanubes.Cognito.UserPools;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.DependencyInjection;

/// <summary>Parses the user pool id and computes the endpoint once, after binding.</summary>
internal sealed class CognitoAuthOptionsPostConfigure : IPostConfigureOptions<CognitoAuthOptions>
{
    public void PostConfigure(string? name, CognitoAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.HttpClientName = CognitoAuthSettings.HttpClientName(name);
        options.UserPool = CognitoUserPoolId.TryParse(options.UserPoolId, out var pool) ? pool : null;
        options.ResolvedServiceUrl = options.ServiceUrl
            ?? (pool is { IsLocal: false }
                ? pool.ServiceEndpoint(options.UseFipsEndpoint, options.UseDualStackEndpoint)
                : null);
    }
}
