namespace Exanubes.Cognito.Lambda;

/// <summary>next → handle → response or error, after one initialisation. See <see cref="LambdaRuntime"/>.</summary>
internal sealed class LambdaRuntimeLoop(LambdaRuntimeClient client, TimeProvider time)
{
    internal const string InitErrorType = "Runtime.InitError";
    internal const string UnhandledErrorType = "Function.Unhandled";
    internal const string TimeoutErrorType = "Function.Timeout";
    internal const string ResponseRefusedErrorType = "Function.ResponseRefused";

    public async Task RunAsync(LambdaInitializer initialize, CancellationToken cancellationToken)
    {
        LambdaInvocationHandler handler;
        try
        {
            handler = await initialize(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            await client.ReportInitErrorAsync(InitErrorType, ex, cancellationToken).ConfigureAwait(false);
            throw new LambdaRuntimeException($"The function failed to start and was reported as an init error: {ex.GetType().Name}: {ex.Message}", ex);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var invocation = await client.NextAsync(cancellationToken).ConfigureAwait(false);
                await InvokeAsync(handler, invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task InvokeAsync(LambdaInvocationHandler handler, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable(LambdaRuntime.TraceIdVariable, invocation.TraceId);
        var remaining = invocation.Deadline - time.GetUtcNow();
        using var deadline = remaining < TimeSpan.FromDays(1)
            ? new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        ReadOnlyMemory<byte> response;
        try
        {
            response = await handler(invocation, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var type = ex is OperationCanceledException && deadline.IsCancellationRequested ? TimeoutErrorType : UnhandledErrorType;
            await client.ReportErrorAsync(invocation.RequestId, type, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await client.RespondAsync(invocation.RequestId, response, cancellationToken).ConfigureAwait(false))
        {
            await client.ReportErrorAsync(invocation.RequestId, ResponseRefusedErrorType,
                new LambdaRuntimeException($"Lambda refused the response of {response.Length} bytes."), cancellationToken).ConfigureAwait(false);
        }
    }
}
