using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exanubes.Cognito.Authentication;

/// <summary>Adds the Cognito signing key health check.</summary>
public static class CognitoHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that reports whether every accepted pool's signing keys are loaded (unhealthy: its tokens
    /// are rejected) and fresh (degraded: the periodic refresh keeps failing). Requires <c>AddCognitoTokenValidation</c>
    /// or <c>AddCognitoJwtBearer</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default: <c>cognito-signing-keys</c>.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>. Default: none.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddCognitoSigningKeys(this IHealthChecksBuilder builder, string name = CognitoAuthenticationDefaults.HealthCheckName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<CognitoSigningKeysHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
