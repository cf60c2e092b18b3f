using System.Text;
using Exanubes.Cognito.Devices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.Tests.Devices;

public sealed class CognitoDeviceDistributedCacheStoreTests
{
    private const string Pool = "us-east-1_Ab12Cd34E";
    private const string User = "0b8f9a1c-7425-40de-944b-e07fc1f90ae7";

    private static readonly CognitoRememberedDevice Device = new("us-east-1_aaaabbbb-cccc-dddd-eeee-ffff00001111", "-GroupKeyXyz", "c2VjcmV0LWRldmljZS1wYXNzd29yZA==");

    [Fact]
    public async Task SaveAsync_ThenGetAsync_ReturnsDeviceAndStoresOnlySealedBytes()
    {
        using var services = Build(out var logs);
        var store = services.GetRequiredService<ICognitoDeviceStore>();

        await store.SaveAsync(Pool, User, Device);
        var device = await store.GetAsync(Pool, User);

        Assert.NotNull(device);
        Assert.Equal(Device.DevicePassword, device.DevicePassword);
        Assert.Equal(Device.DeviceGroupKey, device.DeviceGroupKey);
        Assert.Equal(Device.DeviceKey, device.DeviceKey);
        Assert.Null(await store.GetAsync(Pool, "someone-else"));
        Assert.Null(await store.GetAsync("us-east-1_Other", User));
        AssertNoSecretIn(logs);
    }

    [Fact]
    public async Task GetAsync_CorruptEntry_ReturnsNullAndRemovesIt()
    {
        using var services = Build(out var logs);
        var store = services.GetRequiredService<ICognitoDeviceStore>();
        var cache = services.GetRequiredService<IDistributedCache>();
        await store.SaveAsync(Pool, User, Device);
        var key = "exanubes-cognito:device:" + CognitoDeviceProtector.KeyFor(Pool, User);
        Assert.NotNull(await cache.GetAsync(key));
        await cache.SetAsync(key, Encoding.ASCII.GetBytes("not-sealed"));

        Assert.Null(await store.GetAsync(Pool, User));
        Assert.Null(await cache.GetAsync(key));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4501);
    }

    [Fact]
    public async Task RemoveAsync_ForgetsDevice()
    {
        using var services = Build(out _);
        var store = services.GetRequiredService<ICognitoDeviceStore>();
        await store.SaveAsync(Pool, User, Device);

        await store.RemoveAsync(Pool, User);

        Assert.Null(await store.GetAsync(Pool, User));
    }

    [Fact]
    public void AddCognitoDeviceDistributedCacheStore_ZeroLifetime_FailsOnStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCognitoDeviceDistributedCacheStore(o => o.Lifetime = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CognitoDeviceStoreOptions>>().Value);
        Assert.Contains("Lifetime", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertNoSecretIn(FakeLogCollector logs)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (var secret in new[] { Device.DevicePassword, Device.DeviceGroupKey, Device.DeviceKey, User })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    private static ServiceProvider Build(out FakeLogCollector logs)
    {
        var services = new ServiceCollection();
        var collector = new FakeLogCollector();
        logs = collector;
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        services.AddCognitoDeviceDistributedCacheStore();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        return services.BuildServiceProvider();
    }
}
