using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// Checks the JWKS in use: of pinned issuers, pre-seeded, or of an issuer form a token arrived in (a form no token
/// used yet is not fetched, so not checked). Healthy when their signing keys are loaded and were fetched within twice
/// <see cref="CognitoTokenValidationOptions.JwksRefreshPeriod"/>; degraded when loaded but stale (tokens are still
/// validated with the last good keys); unhealthy when a pool has no keys (its tokens are rejected).
/// </summary>
internal sealed class CognitoSigningKeysHealthCheck : IHealthCheck
{
    private readonly CognitoUserPoolRegistry _registry;
    private readonly TimeProvider _time;

    public CognitoSigningKeysHealthCheck(CognitoUserPoolRegistry registry, TimeProvider time)
    {
        _registry = registry;
        _time = time;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var maxAge = _registry.Options.JwksRefreshPeriod * 2;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var missing = new List<string>();
        var stale = new List<string>();
        foreach (var keys in _registry.KeyCachesInUse)
        {
            var name = $"{keys.UserPoolId} ({keys.Source})";
            data[name] = keys.LastSuccess is { } at
                ? $"{keys.KeyCount} keys, fetched {TokenText.Time(at)}" + (keys.LastError is { } e ? $", last fetch failed: {e}" : string.Empty)
                : $"no keys: {keys.LastError ?? "not fetched yet"}";
            if (keys.KeyCount == 0)
            {
                missing.Add(name);
            }
            else if (!keys.IsSeeded && now - keys.LastSuccess > maxAge)
            {
                stale.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus, $"No signing keys loaded for {string.Join(", ", missing)}; their tokens are rejected.", data: data));
        }

        return Task.FromResult(stale.Count > 0
            ? HealthCheckResult.Degraded($"Signing keys of {string.Join(", ", stale)} are older than {maxAge}.", data: data)
            : HealthCheckResult.Healthy(data.Count == 0 ? "No issuer in use yet: keys are fetched with the first token of each form." : "Signing keys loaded and fresh.", data));
    }
}
