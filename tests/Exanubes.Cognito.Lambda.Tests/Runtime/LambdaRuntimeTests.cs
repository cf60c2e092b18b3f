using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Lambda.Tests.Runtime;

/// <summary>
/// The Runtime API loop against a loopback Runtime API host over real HTTP: next → handle → response or error, init
/// error, deadline, request id and trace id. One collection: the loop sets the process-wide <c>_X_AMZN_TRACE_ID</c>.
/// </summary>
[Collection(nameof(LambdaRuntimeTests))]
public sealed class LambdaRuntimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_Invocations_PostsEachResponseUnderItsRequestId()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var loop = LambdaRuntime.RunAsync(host.RuntimeApi, _ => ValueTask.FromResult<LambdaInvocationHandler>((invocation, _) =>
        {
            seen.Add(invocation.RequestId);
            var text = Encoding.UTF8.GetString(invocation.Payload.Span);
            return Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes($"{{\"echo\":{text}}}"));
        }), stop.Token);

        var first = await host.InvokeAsync("{\"n\":1}"u8.ToArray()).WaitAsync(Wait);
        var second = await host.InvokeAsync("{\"n\":2}"u8.ToArray()).WaitAsync(Wait);

        Assert.True(first.Succeeded);
        Assert.Equal("{\"echo\":{\"n\":1}}", Encoding.UTF8.GetString(first.Body));
        Assert.Equal("{\"echo\":{\"n\":2}}", Encoding.UTF8.GetString(second.Body));
        Assert.Equal([first.RequestId, second.RequestId], seen);
        Assert.NotEqual(first.RequestId, second.RequestId);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsDocumentedErrorBodyAndKeepsLooping()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        var calls = 0;
        var loop = LambdaRuntime.RunAsync(host.RuntimeApi, _ => ValueTask.FromResult<LambdaInvocationHandler>((_, _) =>
            ++calls == 1
                ? throw new InvalidOperationException("the event was bad")
                : Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray())), stop.Token);

        var failed = await host.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);
        var next = await host.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);

        Assert.False(failed.Succeeded);
        Assert.Equal("Function.Unhandled", failed.ErrorType);
        using var body = JsonDocument.Parse(failed.Body);
        Assert.Equal("the event was bad", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.True(next.Succeeded);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_InitializerThrows_PostsInitErrorAndEndsWithoutAskingForNext()
    {
        await using var host = LambdaRuntimeHost.Start();

        var ex = await Assert.ThrowsAsync<LambdaRuntimeException>(() => LambdaRuntime.RunAsync(host.RuntimeApi,
            _ => throw new InvalidOperationException("EmailSender:KmsKeyArn is required"), CancellationToken.None).WaitAsync(Wait));

        var init = await host.InitError.WaitAsync(Wait);
        Assert.Equal("Runtime.InitError", init.ErrorType);
        using var body = JsonDocument.Parse(init.Body);
        Assert.Equal("EmailSender:KmsKeyArn is required", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("init error", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.NextCalls);
    }

    [Fact]
    public async Task RunAsync_DeadlinePasses_CancelsHandlerAndPostsTimeoutError()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        DateTimeOffset deadline = default;
        var loop = LambdaRuntime.RunAsync(host.RuntimeApi, _ => ValueTask.FromResult<LambdaInvocationHandler>(async (invocation, cancellationToken) =>
        {
            deadline = invocation.Deadline;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "{}"u8.ToArray();
        }), stop.Token);

        var started = DateTimeOffset.UtcNow;
        var result = await host.InvokeAsync("{}"u8.ToArray(), timeout: TimeSpan.FromMilliseconds(800)).WaitAsync(Wait);

        Assert.False(result.Succeeded);
        Assert.Equal("Function.Timeout", result.ErrorType);
        Assert.InRange(deadline - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
        Assert.True(DateTimeOffset.UtcNow >= deadline.AddMilliseconds(-50), "the handler was cancelled before the deadline");

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_TraceIdHeader_IsInEnvironmentForThatInvocationOnly()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        var traces = new List<string?>();
        var loop = LambdaRuntime.RunAsync(host.RuntimeApi, _ => ValueTask.FromResult<LambdaInvocationHandler>((invocation, _) =>
        {
            traces.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            Assert.Equal(invocation.TraceId, Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray());
        }), stop.Token);

        const string Trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        Assert.True((await host.InvokeAsync("{}"u8.ToArray(), traceId: Trace).WaitAsync(Wait)).Succeeded);
        Assert.True((await host.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait)).Succeeded);

        Assert.Equal([Trace, null], traces);
        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApiVariable_ThrowsNamingIt()
    {
        Assert.Null(Environment.GetEnvironmentVariable(LambdaRuntime.RuntimeApiVariable));

        var ex = await Assert.ThrowsAsync<LambdaRuntimeException>(() => LambdaRuntime.RunAsync(
            _ => ValueTask.FromResult<LambdaInvocationHandler>((_, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray())), CancellationToken.None));

        Assert.Contains("AWS_LAMBDA_RUNTIME_API", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorBody_ExceptionWithQuotesAndNewlines_IsValidJson()
    {
        var body = LambdaRuntimeClient.ErrorBody(new FormatException("bad \"value\"\nsecond line"));

        using var json = JsonDocument.Parse(body);
        Assert.Equal("bad \"value\"\nsecond line", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.FormatException", json.RootElement.GetProperty("errorType").GetString());
    }
}
