using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Devices;

/// <summary>
/// Keeps each remembered device in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), sealed with Data
/// Protection: the server is the device. Keys are a hash of the user pool and user (no user name in clear); entries
/// expire after <see cref="CognitoDeviceStoreOptions.Lifetime"/>.
/// </summary>
internal sealed class CognitoDeviceDistributedCacheStore : ICognitoDeviceStore
{
    private const string StoreName = "distributed cache store";

    private readonly IDistributedCache _cache;
    private readonly CognitoDeviceProtector _protector;
    private readonly IOptions<CognitoDeviceStoreOptions> _options;
    private readonly ILogger<CognitoDeviceDistributedCacheStore> _logger;

    public CognitoDeviceDistributedCacheStore(
        IDistributedCache cache, CognitoDeviceProtector protector, IOptions<CognitoDeviceStoreOptions> options, ILogger<CognitoDeviceDistributedCacheStore> logger)
    {
        _cache = cache;
        _protector = protector;
        _options = options;
        _logger = logger;
    }

    public async ValueTask<CognitoRememberedDevice?> GetAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var key = CacheKey(userPoolId, username);
        var bytes = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        var device = _protector.Unprotect(userPoolId, username, Encoding.ASCII.GetString(bytes));
        if (device is null)
        {
            Log.DeviceUnreadable(_logger, userPoolId, StoreName);
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return device;
    }

    public async ValueTask SaveAsync(string userPoolId, string username, CognitoRememberedDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        var lifetime = _options.Value.Lifetime;
        var sealedText = _protector.Protect(userPoolId, username, device, lifetime);
        await _cache.SetAsync(
            CacheKey(userPoolId, username),
            Encoding.ASCII.GetBytes(sealedText),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime },
            cancellationToken).ConfigureAwait(false);
        Log.DeviceSaved(_logger, userPoolId, StoreName);
    }

    public async ValueTask RemoveAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        await _cache.RemoveAsync(CacheKey(userPoolId, username), cancellationToken).ConfigureAwait(false);
        Log.DeviceRemoved(_logger, userPoolId, StoreName);
    }

    private string CacheKey(string userPoolId, string username) => _options.Value.CacheKeyPrefix + CognitoDeviceProtector.KeyFor(userPoolId, username);
}
