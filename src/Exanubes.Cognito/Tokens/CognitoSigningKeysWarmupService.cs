using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Loads every pool's JWKS at start-up (so the first request pays nothing), then refreshes it every
/// <see cref="CognitoTokenValidationOptions.JwksRefreshPeriod"/>. A failed fetch never stops the host: requests then
/// fail closed with 401 until a fetch succeeds.
/// </summary>
internal sealed class CognitoSigningKeysWarmupService : IHostedService, IDisposable
{
    private readonly CognitoUserPoolRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger<CognitoSigningKeysWarmupService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public CognitoSigningKeysWarmupService(CognitoUserPoolRegistry registry, TimeProvider time, ILogger<CognitoSigningKeysWarmupService> logger)
    {
        _registry = registry;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_registry.Pools.Select(p => p.Keys.RefreshAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
        _loop = RefreshLoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RefreshLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(_registry.Options.JwksRefreshPeriod, _time, stopping).ConfigureAwait(false);
                await Task.WhenAll(_registry.Pools.Select(p => p.Keys.RefreshAsync())).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // host stopping
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            Log.RefreshLoopFailed(_logger, ex);
        }
    }
}
