using Exanubes.Cognito.Devices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Net.Http.Headers;

namespace Exanubes.Cognito.Tests.Devices;

public sealed class CognitoDeviceCookieStoreTests
{
    private const string Pool = "eu-west-1_Ab12Cd34E";
    private const string User = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static readonly CognitoRememberedDevice Device = new(
        "eu-west-1_5f0c7a1e-8d2b-4c3a-9e1f-0123456789ab", "-Q7xGr0upKeyValue", "ZGV2aWNlLXBhc3N3b3JkLXRoYXQtbXVzdC1uZXZlci1sZWFr");

    [Fact]
    public async Task SaveAsync_ThenGetAsyncOnNextRequest_ReturnsDevice()
    {
        using var host = new Host();
        var setCookie = await host.SaveAsync(Pool, User, Device);

        var device = await host.GetAsync(Pool, User, setCookie);

        Assert.NotNull(device);
        Assert.Equal(Device.DeviceKey, device.DeviceKey);
        Assert.Equal(Device.DeviceGroupKey, device.DeviceGroupKey);
        Assert.Equal(Device.DevicePassword, device.DevicePassword);
    }

    [Fact]
    public async Task SaveAsync_Cookie_IsHttpOnlySecureLaxAndOpaque()
    {
        using var host = new Host();
        var setCookie = await host.SaveAsync(Pool, User, Device);

        Assert.True(setCookie.HttpOnly);
        Assert.True(setCookie.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, setCookie.SameSite);
        Assert.StartsWith(".Exanubes.Cognito.Device.", setCookie.Name.Value, StringComparison.Ordinal);
        foreach (var secret in new[] { Device.DevicePassword, Device.DeviceGroupKey, Device.DeviceKey, User })
        {
            Assert.DoesNotContain(secret, setCookie.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetAsync_CookieOfAnotherUser_ReturnsNull()
    {
        using var host = new Host();
        var setCookie = await host.SaveAsync(Pool, User, Device);
        var otherName = (await host.SaveAsync(Pool, "other-user", Device)).Name.Value!;

        // The other user's cookie name carrying this user's sealed payload: the purpose binds the user, so it never opens.
        var moved = new SetCookieHeaderValue(otherName, setCookie.Value);
        Assert.Null(await host.GetAsync(Pool, "other-user", moved));
        Assert.Null(await host.GetAsync("eu-west-1_Other", User, setCookie));
    }

    [Fact]
    public async Task GetAsync_TamperedCookie_ReturnsNullWarnsAndDeletesIt()
    {
        using var host = new Host();
        var setCookie = await host.SaveAsync(Pool, User, Device);
        var value = setCookie.Value.Value!;
        var tampered = new SetCookieHeaderValue(setCookie.Name, value[..^4] + (value[^4] == 'A' ? "BBBB" : "AAAA"));

        var (device, response) = await host.GetWithResponseAsync(Pool, User, tampered);

        Assert.Null(device);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 4501 && r.Level == LogLevel.Warning);
        Assert.Contains(response, c => c.Name == setCookie.Name && c.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task GetAsync_NoCookie_ReturnsNull()
    {
        using var host = new Host();

        Assert.Null(await host.GetAsync(Pool, User, null));
    }

    [Fact]
    public async Task EveryOperation_NeverLogsSecretsOrUserName()
    {
        using var host = new Host();
        var setCookie = await host.SaveAsync(Pool, User, Device);
        await host.GetAsync(Pool, User, setCookie);
        await host.GetAsync(Pool, User, new SetCookieHeaderValue(setCookie.Name, "garbage" + setCookie.Value));
        await host.RemoveAsync(Pool, User);

        var records = host.Logs.GetSnapshot();
        Assert.True(records.Count >= 3, $"expected save, unreadable and remove records, got {records.Count}");
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (var secret in new[] { Device.DevicePassword, Device.DeviceGroupKey, Device.DeviceKey, User })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task GetAsync_OutsideRequest_ThrowsInvalidOperation()
    {
        using var host = new Host();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await host.Store.GetAsync(Pool, User));
    }

    [Fact]
    public async Task RemoveAsync_ExpiresTheCookie()
    {
        using var host = new Host();

        var response = await host.RemoveAsync(Pool, User);

        var deleted = Assert.Single(response);
        Assert.StartsWith(".Exanubes.Cognito.Device.", deleted.Name.Value, StringComparison.Ordinal);
        Assert.True(deleted.Expires < DateTimeOffset.UtcNow);
    }

    private sealed class Host : IDisposable
    {
        private readonly ServiceProvider _services;

        public Host()
        {
            var services = new ServiceCollection();
            Logs = new FakeLogCollector();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
            services.AddCognitoDeviceCookieStore();
            services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
            _services = services.BuildServiceProvider();
            Store = _services.GetRequiredService<ICognitoDeviceStore>();
            Accessor = _services.GetRequiredService<IHttpContextAccessor>();
        }

        public FakeLogCollector Logs { get; }

        public ICognitoDeviceStore Store { get; }

        private IHttpContextAccessor Accessor { get; }

        public async Task<SetCookieHeaderValue> SaveAsync(string pool, string user, CognitoRememberedDevice device)
        {
            var response = await InRequestAsync(null, () => Store.SaveAsync(pool, user, device).AsTask());
            return Assert.Single(response);
        }

        public async Task<CognitoRememberedDevice?> GetAsync(string pool, string user, SetCookieHeaderValue? cookie)
            => (await GetWithResponseAsync(pool, user, cookie)).Device;

        public async Task<(CognitoRememberedDevice? Device, IList<SetCookieHeaderValue> Response)> GetWithResponseAsync(string pool, string user, SetCookieHeaderValue? cookie)
        {
            CognitoRememberedDevice? device = null;
            var response = await InRequestAsync(cookie, async () => device = await Store.GetAsync(pool, user));
            return (device, response);
        }

        public Task<IList<SetCookieHeaderValue>> RemoveAsync(string pool, string user) => InRequestAsync(null, () => Store.RemoveAsync(pool, user).AsTask());

        public void Dispose() => _services.Dispose();

        private async Task<IList<SetCookieHeaderValue>> InRequestAsync(SetCookieHeaderValue? cookie, Func<Task> action)
        {
            var context = new DefaultHttpContext();
            context.Request.Scheme = "https";
            if (cookie is not null)
            {
                context.Request.Headers.Cookie = new CookieHeaderValue(cookie.Name, cookie.Value).ToString();
            }

            Accessor.HttpContext = context;
            try
            {
                await action();
            }
            finally
            {
                Accessor.HttpContext = null;
            }

            return SetCookieHeaderValue.ParseList([.. context.Response.Headers.SetCookie.Select(v => v ?? string.Empty)]);
        }
    }
}
