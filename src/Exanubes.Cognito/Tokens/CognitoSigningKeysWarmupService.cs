using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Loads the JWKS of every pinned issuer at start-up (so its first request pays nothing), then refreshes every JWKS
/// in use (pinned, or of an issuer form a token arrived in) every <see cref="CognitoTokenValidationOptions.JwksRefreshPeriod"/>.
/// A form no token used yet is fetched when its first token arrives. A failed fetch never stops the host: requests then
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
        await Task.WhenAll(_registry.KeyCachesInUse.Select(k => k.RefreshAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
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
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_registry.Options.JwksRefreshPeriod, _time, stopping).ConfigureAwait(false);
                await Task.WhenAll(_registry.KeyCachesInUse.Select(k => k.RefreshAsync())).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return; // host stopping
            }
#pragma warning disable CA1031 // One failed round must not end key refresh for the life of the process: log it, keep the last good keys, try again next period.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.RefreshLoopFailed(_logger, ex);
            }
        }
    }
}
