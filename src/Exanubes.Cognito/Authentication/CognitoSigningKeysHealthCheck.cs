using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// Healthy when every pool's signing keys are loaded and were fetched within twice
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
        foreach (var pool in _registry.Pools)
        {
            var keys = pool.Keys;
            data[pool.UserPoolId] = keys.LastSuccess is { } at
                ? $"{keys.KeyCount} keys, fetched {TokenText.Time(at)}" + (keys.LastError is { } e ? $", last fetch failed: {e}" : string.Empty)
                : $"no keys: {keys.LastError ?? "not fetched yet"}";
            if (keys.KeyCount == 0)
            {
                missing.Add(pool.UserPoolId);
            }
            else if (now - keys.LastSuccess > maxAge)
            {
                stale.Add(pool.UserPoolId);
            }
        }

        if (missing.Count > 0)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus, $"No signing keys loaded for {string.Join(", ", missing)}; their tokens are rejected.", data: data));
        }

        return Task.FromResult(stale.Count > 0
            ? HealthCheckResult.Degraded($"Signing keys of {string.Join(", ", stale)} are older than {maxAge}.", data: data)
            : HealthCheckResult.Healthy("Signing keys loaded and fresh.", data));
    }
}
