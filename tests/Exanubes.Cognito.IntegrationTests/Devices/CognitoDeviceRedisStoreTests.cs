using System.Text;
using Exanubes.Cognito.Devices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.Devices;

/// <summary>The distributed-cache device store against a real redis-server through Microsoft.Extensions.Caching.StackExchangeRedis.</summary>
public sealed class CognitoDeviceRedisStoreTests : IClassFixture<RedisServer>
{
    private const string Pool = "eu-central-1_RedisPool1";
    private static readonly CognitoRememberedDevice Device = new("eu-central-1_0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "-RedisGroupKey", "cmVkaXMtZGV2aWNlLXBhc3N3b3JkLXNlY3JldA==");

    private readonly RedisServer _redis;

    public CognitoDeviceRedisStoreTests(RedisServer redis) => _redis = redis;

    [Fact]
    public async Task SaveAsync_ThenGetAsyncFromAnotherHost_ReturnsDevice()
    {
        var keys = new EphemeralDataProtectionProvider();
        var user = Guid.NewGuid().ToString();
        using (var first = Build(keys, out _))
        {
            await first.GetRequiredService<ICognitoDeviceStore>().SaveAsync(Pool, user, Device);
        }

        // A second host sharing the Data Protection keys (as a farm does) reads what the first one kept in Redis.
        using var second = Build(keys, out _);
        var device = await second.GetRequiredService<ICognitoDeviceStore>().GetAsync(Pool, user);

        Assert.NotNull(device);
        Assert.Equal(Device.DeviceKey, device.DeviceKey);
        Assert.Equal(Device.DeviceGroupKey, device.DeviceGroupKey);
        Assert.Equal(Device.DevicePassword, device.DevicePassword);
    }

    [Fact]
    public async Task SaveAsync_ValueInRedis_IsSealedAndKeyHasNoUserName()
    {
        using var services = Build(new EphemeralDataProtectionProvider(), out var logs);
        var user = "user-" + Guid.NewGuid();
        await services.GetRequiredService<ICognitoDeviceStore>().SaveAsync(Pool, user, Device);

        var raw = await services.GetRequiredService<IDistributedCache>().GetAsync("exanubes-cognito:device:" + CognitoDeviceProtector.KeyFor(Pool, user));

        Assert.NotNull(raw);
        var text = Encoding.ASCII.GetString(raw);
        Assert.DoesNotContain(Device.DevicePassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Device.DeviceGroupKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user, CognitoDeviceProtector.KeyFor(Pool, user), StringComparison.Ordinal);
        foreach (var record in logs.GetSnapshot())
        {
            Assert.DoesNotContain(Device.DevicePassword, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(user, record.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SaveAsync_LifetimeOver_RedisExpiresEntry()
    {
        using var services = Build(new EphemeralDataProtectionProvider(), out _, TimeSpan.FromSeconds(1));
        var store = services.GetRequiredService<ICognitoDeviceStore>();
        var user = Guid.NewGuid().ToString();
        await store.SaveAsync(Pool, user, Device);
        Assert.NotNull(await store.GetAsync(Pool, user));

        await Task.Delay(TimeSpan.FromMilliseconds(2200));

        Assert.Null(await store.GetAsync(Pool, user));
    }

    [Fact]
    public async Task RemoveAsync_DeletesFromRedis()
    {
        using var services = Build(new EphemeralDataProtectionProvider(), out _);
        var store = services.GetRequiredService<ICognitoDeviceStore>();
        var user = Guid.NewGuid().ToString();
        await store.SaveAsync(Pool, user, Device);

        await store.RemoveAsync(Pool, user);

        Assert.Null(await services.GetRequiredService<IDistributedCache>().GetAsync("exanubes-cognito:device:" + CognitoDeviceProtector.KeyFor(Pool, user)));
    }

    private ServiceProvider Build(IDataProtectionProvider keys, out FakeLogCollector logs, TimeSpan? lifetime = null)
    {
        var services = new ServiceCollection();
        var collector = new FakeLogCollector();
        logs = collector;
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        services.AddStackExchangeRedisCache(o => o.Configuration = _redis.Configuration);
        services.AddCognitoDeviceDistributedCacheStore(o =>
        {
            if (lifetime is { } l)
            {
                o.Lifetime = l;
            }
        });
        services.AddSingleton(keys);
        return services.BuildServiceProvider();
    }
}
