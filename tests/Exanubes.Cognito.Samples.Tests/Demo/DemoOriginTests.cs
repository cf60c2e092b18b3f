using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The demo's origin is <c>http://localhost:PORT</c> (a WebAuthn relying-party id must be a domain, not an IP address),
/// while Kestrel listens on 127.0.0.1 only: no other address of this machine, IPv6 loopback included, reaches it.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class DemoOriginTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task Demo_InChromium_OriginIsLocalhostAndASecureContext()
    {
        Assert.Equal("localhost", fixture.Demo.Host);
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Demo.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Equal($"http://localhost:{fixture.Demo.Port}", await page.EvaluateAsync<string>("() => window.location.origin"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.isSecureContext"), "http://localhost must be a secure context (WebAuthn needs one)");
    }

    [Fact]
    public async Task Demo_Listener_AcceptsOnlyIPv4Loopback()
    {
        Assert.True(await AcceptsAsync(IPAddress.Loopback, fixture.Demo.Port), "127.0.0.1 must reach the demo");
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !a.Equals(IPAddress.Loopback) && !a.IsIPv6LinkLocal)
            .ToList();
        Assert.Contains(IPAddress.IPv6Loopback, others);
        foreach (var address in others)
        {
            Assert.False(await AcceptsAsync(address, fixture.Demo.Port), $"the demo answers on {address}; it must listen on 127.0.0.1 only");
        }
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        try
        {
            using var client = new TcpClient(address.AddressFamily);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
