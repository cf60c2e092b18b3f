using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.DependencyInjection;

/// <summary>Computes the derived settings (region, endpoint) once, after binding.</summary>
internal sealed class CognitoAuthOptionsPostConfigure : IPostConfigureOptions<CognitoAuthOptions>
{
    public void PostConfigure(string? name, CognitoAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ResolvedRegion = ResolveRegion(options) ?? string.Empty;
        options.ResolvedServiceUrl = options.ServiceUrl ?? (options.ResolvedRegion.Length > 0
            ? new Uri($"https://cognito-idp.{options.ResolvedRegion}.amazonaws.com/")
            : null);
    }

    internal static string? ResolveRegion(CognitoAuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return options.Region.Trim();
        }

        var pool = options.UserPoolId;
        var underscore = string.IsNullOrEmpty(pool) ? -1 : pool.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? pool[..underscore] : null;
    }
}
