using System.Net;
using System.Text;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>The local Lambda invoke endpoint answers like Lambda's Invoke API, including function errors and restarts.</summary>
public sealed class LambdaHostTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Invoke_FunctionReturnsOrThrows_AnswersPayloadOrUnhandledError()
    {
        var port = PeerProcess.FreePort();
        var coldStarts = 0;
        var functions = new Dictionary<string, Func<Func<Stream, Task<Stream>>>>
        {
            ["echo"] = () =>
            {
                coldStarts++;
                return async input => new MemoryStream(Encoding.UTF8.GetBytes("{\"got\":" + await new StreamReader(input).ReadToEndAsync() + "}"));
            },
            ["silent"] = () => _ => Task.FromResult<Stream>(new MemoryStream()),
            ["fails"] = () => _ => throw new InvalidOperationException("mailer down"),
        };
        await using var host = await LambdaHost.StartAsync(port, functions, NullLoggerFactory.Instance);

        using (var ok = await InvokeAsync(port, "echo", "{\"a\":1}"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.False(ok.Headers.Contains("X-Amz-Function-Error"));
            Assert.Equal("{\"got\":{\"a\":1}}", await ok.Content.ReadAsStringAsync());
        }

        using (var silent = await InvokeAsync(port, "silent", "{}"))
        {
            Assert.Equal("{}", await silent.Content.ReadAsStringAsync());
        }

        using (var failed = await InvokeAsync(port, "fails", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Equal("Unhandled", failed.Headers.GetValues("X-Amz-Function-Error").Single());
            Assert.Contains("mailer down", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await InvokeAsync(port, "nope", "{}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // Stopped: invocations fail to connect. Started again: same port, a new cold start.
        await host.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => InvokeAsync(port, "echo", "{}"));
        await host.StartAsync();
        using (var again = await InvokeAsync(port, "echo", "2"))
        {
            Assert.Equal("{\"got\":2}", await again.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, coldStarts);
    }

    private static Task<HttpResponseMessage> InvokeAsync(int port, string name, string payload) =>
        Http.PostAsync(new Uri($"http://127.0.0.1:{port}/2015-03-31/functions/{name}/invocations"), new StringContent(payload));
}
