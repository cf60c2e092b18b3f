using System.Net;
using System.Text;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Demo;

public sealed class SystemChromiumTests
{
    [Fact]
    public async Task LaunchAsync_SystemChromium_RendersALoopbackPage()
    {
        var port = PeerProcess.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes("<!doctype html><title>smoke</title><h1 id=\"x\">chromium works</h1>");
            context.Response.ContentType = "text/html";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var (playwright, browser) = await SystemChromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync($"http://127.0.0.1:{port}/");
                Assert.Equal("chromium works", await page.TextContentAsync("#x"));
                Assert.Contains("Chrom", browser.BrowserType.Name + await page.EvaluateAsync<string>("navigator.userAgent"), StringComparison.Ordinal);
            }
        }

        await serve;
    }
}
