using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The local Lambda service: Invoke (what cognito-local calls) is bridged to the Runtime API queue a function polls
/// with the real loop (<see cref="LambdaRuntime"/>, Exanubes.Cognito.Lambda), answering like Lambda's Invoke API,
/// including function errors, init errors, crashes, timeouts and restarts; foreign hosts and browser content types
/// are refused.
/// </summary>
public sealed class LambdaHostTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Invoke_FunctionRespondsOrThrows_AnswersPayloadOrUnhandledErrorWithRuntimeApiHeaders()
    {
        var seen = new List<LambdaInvocation>();
        var starts = 0;
        var echo = InProcess("echo", (invocation, _) =>
        {
            lock (seen)
            {
                seen.Add(invocation);
            }

            var text = Encoding.UTF8.GetString(invocation.Payload.Span);
            return text == "\"boom\""
                ? throw new InvalidOperationException("mailer down")
                : Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("{\"got\":" + text + ",\"trace\":\"" + Environment.GetEnvironmentVariable(LambdaRuntime.TraceIdVariable) + "\"}"));
        }, () => starts++);
        var silent = InProcess("silent", (_, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty));
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [echo, silent], NullLoggerFactory.Instance, "eu-west-1");

        var before = DateTimeOffset.UtcNow;
        using (var ok = await InvokeAsync(port, "echo", "{\"a\":1}"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.False(ok.Headers.Contains("X-Amz-Function-Error"));
            var body = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
            Assert.Equal(1, body["got"]!["a"]!.GetValue<int>());
            Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", body["trace"]!.GetValue<string>());
        }

        var first = Assert.Single(seen);
        Assert.True(Guid.TryParse(first.RequestId, out _));
        Assert.Equal("arn:aws:lambda:eu-west-1:000000000000:function:echo", first.InvokedFunctionArn);
        Assert.InRange(first.Deadline, before.AddSeconds(29), before.AddSeconds(32));

        using (var failed = await InvokeAsync(port, "echo", "\"boom\""))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Equal("Unhandled", failed.Headers.GetValues("X-Amz-Function-Error").Single());
            var error = JsonNode.Parse(await failed.Content.ReadAsStringAsync())!;
            Assert.Equal("mailer down", error["errorMessage"]!.GetValue<string>());
            Assert.Equal(typeof(InvalidOperationException).FullName, error["errorType"]!.GetValue<string>());
        }

        using (var empty = await InvokeAsync(port, "silent", "{}"))
        {
            Assert.Equal("{}", await empty.Content.ReadAsStringAsync());
        }

        using (var missing = await InvokeAsync(port, "nope", "{}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // Stopped: invocations fail to connect and the environment is gone. Started again: same port, a new cold start.
        await host.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => InvokeAsync(port, "echo", "{}"));
        await host.StartAsync();
        using (var again = await InvokeAsync(port, "echo", "2"))
        {
            Assert.Equal(2, JsonNode.Parse(await again.Content.ReadAsStringAsync())!["got"]!.GetValue<int>());
        }

        Assert.Equal(2, starts);
        Assert.Equal(3, seen.Select(s => s.RequestId).Distinct().Count());   // three invocations of echo, each its own request id
    }

    [Fact]
    public async Task Invoke_FunctionFailsToStart_InitErrorAnsweredAsUnhandledAndNextInvokeStartsAgain()
    {
        var starts = 0;
        var broken = new LambdaFunction("broken", (runtimeApi, _) =>
        {
            starts++;
            var run = LambdaRuntime.RunAsync(runtimeApi, _ => throw new InvalidOperationException("EmailSender:KmsKeyArn is missing"), CancellationToken.None);
            return Task.FromResult(new LambdaEnvironment("in-process loop", AsExit(run), () => Task.CompletedTask));
        });
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [broken], NullLoggerFactory.Instance);

        using (var failed = await InvokeAsync(port, "broken", "{}"))
        {
            Assert.Equal("Unhandled", failed.Headers.GetValues("X-Amz-Function-Error").Single());
            Assert.Contains("EmailSender:KmsKeyArn is missing", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var again = await InvokeAsync(port, "broken", "{}"))
        {
            Assert.Equal("Unhandled", again.Headers.GetValues("X-Amz-Function-Error").Single());
        }

        Assert.True(starts >= 2, $"a failed environment is replaced on the next invocation (starts: {starts})");
    }

    [Fact]
    public async Task Invoke_EnvironmentExitsOrOverrunsTheTimeout_ExitErrorOrTimeoutThenAColdStart()
    {
        var starts = 0;
        var stops = 0;
        var mode = "exit";
        var flaky = new LambdaFunction("flaky", (runtimeApi, cancellationToken) =>
        {
            starts++;
            var exited = new TaskCompletionSource<int>();
            _ = Task.Run(async () =>
            {
                // A process that takes the invocation and then dies (exit) or hangs (timeout).
                using var client = new HttpClient();
                using var next = await client.GetAsync(new Uri($"http://{runtimeApi}/2018-06-01/runtime/invocation/next"));
                if (mode == "exit")
                {
                    exited.TrySetResult(3);
                }
            });
            return Task.FromResult(new LambdaEnvironment("scripted", exited.Task, () =>
            {
                stops++;
                exited.TrySetResult(137);
                return Task.CompletedTask;
            }));
        }, TimeSpan.FromSeconds(2));
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [flaky], NullLoggerFactory.Instance);

        using (var crashed = await InvokeAsync(port, "flaky", "{}"))
        {
            Assert.Equal("Unhandled", crashed.Headers.GetValues("X-Amz-Function-Error").Single());
            var error = JsonNode.Parse(await crashed.Content.ReadAsStringAsync())!;
            Assert.Equal("Runtime.ExitError", error["errorType"]!.GetValue<string>());
            Assert.Contains("exit status 3", error["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        mode = "hang";
        using (var timedOut = await InvokeAsync(port, "flaky", "{}"))
        {
            Assert.Equal("Unhandled", timedOut.Headers.GetValues("X-Amz-Function-Error").Single());
            Assert.Contains("Task timed out after 2.00 seconds", await timedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, starts);
        Assert.Equal(1, stops);
    }

    [Theory]
    [InlineData("evil.example:{0}")]
    [InlineData("127.0.0.1.nip.io:{0}")]
    [InlineData("127.0.0.1:1")]
    public async Task AnyEndpoint_ForeignHostHeader_Refused403(string hostTemplate)
    {
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [InProcess("echo", (i, _) => Task.FromResult(i.Payload))], NullLoggerFactory.Instance);
        var runtimePort = int.Parse(host.RuntimeApis["echo"].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (target, path, method) in new[]
                 {
                     (port, "/2015-03-31/functions/echo/invocations", "POST"),
                     (runtimePort, "/2018-06-01/runtime/invocation/next", "GET"),
                     (runtimePort, "/2018-06-01/runtime/init/error", "POST"),
                 })
        {
            var status = await RawAsync(target, method, path, string.Format(System.Globalization.CultureInfo.InvariantCulture, hostTemplate, target), "application/json");
            Assert.Equal(403, status);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Invoke_BrowserSimpleContentType_Refused415(string contentType)
    {
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [InProcess("echo", (i, _) => Task.FromResult(i.Payload))], NullLoggerFactory.Instance);

        Assert.Equal(415, await RawAsync(port, "POST", "/2015-03-31/functions/echo/invocations", $"127.0.0.1:{port}", contentType));
        Assert.Equal(200, await RawAsync(port, "POST", "/2015-03-31/functions/echo/invocations", $"localhost:{port}", "binary/octet-stream"));   // aws-sdk v2's Invoke
    }

    [Fact]
    public async Task RuntimeApi_PostNotJsonOrUnknownRequestId_Refused()
    {
        var port = PeerProcess.FreePort();
        await using var host = await LambdaHost.StartAsync(port, [new LambdaFunction("idle", (_, _) => Task.FromResult(new LambdaEnvironment("idle", new TaskCompletionSource<int>().Task, () => Task.CompletedTask)))], NullLoggerFactory.Instance);
        var runtimeApi = host.RuntimeApis["idle"];
        var runtimePort = int.Parse(runtimeApi.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(415, await RawAsync(runtimePort, "POST", "/2018-06-01/runtime/invocation/x/response", runtimeApi, "text/plain"));
        Assert.Equal(415, await RawAsync(runtimePort, "POST", "/2018-06-01/runtime/init/error", runtimeApi, "application/x-www-form-urlencoded"));
        Assert.Equal(400, await RawAsync(runtimePort, "POST", "/2018-06-01/runtime/invocation/unknown-id/response", runtimeApi, "application/json"));
        Assert.Equal(404, await RawAsync(port, "GET", "/2018-06-01/runtime/invocation/next", $"127.0.0.1:{port}", "application/json"));   // the Invoke port serves no Runtime API
    }

    private static LambdaFunction InProcess(string name, LambdaInvocationHandler handler, Action? started = null)
        => new(name, (runtimeApi, _) =>
        {
            started?.Invoke();
            var stop = new CancellationTokenSource();
            var run = LambdaRuntime.RunAsync(runtimeApi, _ => ValueTask.FromResult(handler), stop.Token);
            return Task.FromResult(new LambdaEnvironment("in-process loop", AsExit(run), async () =>
            {
                await stop.CancelAsync();
                await AsExit(run);
            }));
        });

    private static async Task<int> AsExit(Task run)
    {
        try
        {
            await run;
            return 0;
        }
        catch (LambdaRuntimeException)
        {
            return 1;
        }
    }

    private static Task<HttpResponseMessage> InvokeAsync(int port, string name, string payload)
    {
        var content = new StringContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("binary/octet-stream");
        return Http.PostAsync(new Uri($"http://127.0.0.1:{port}/2015-03-31/functions/{name}/invocations"), content);
    }

    /// <summary>A raw HTTP/1.1 request, so the Host header can be anything (HttpClient derives it from the URL).</summary>
    private static async Task<int> RawAsync(int port, string method, string path, string hostHeader, string contentType)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var body = method == "POST" ? "{}" : string.Empty;
        var request = $"{method} {path} HTTP/1.1\r\nHost: {hostHeader}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var status = await reader.ReadLineAsync(timeout.Token);
        return int.Parse(status!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
