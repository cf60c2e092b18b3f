namespace Exanubes.Cognito.Lambda;

/// <summary>
/// One invocation as the Lambda Runtime API's <c>next</c> call delivers it: the event payload and the headers that
/// describe it.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-next"/>.</remarks>
public sealed class LambdaInvocation
{
    internal LambdaInvocation(string requestId, DateTimeOffset deadline, string? invokedFunctionArn, string? traceId, ReadOnlyMemory<byte> payload)
    {
        RequestId = requestId;
        Deadline = deadline;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        Payload = payload;
    }

    /// <summary>The request id (<c>Lambda-Runtime-Aws-Request-Id</c>) that identifies this invocation.</summary>
    public string RequestId { get; }

    /// <summary>When the function times out (<c>Lambda-Runtime-Deadline-Ms</c>); the handler's token is cancelled then.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>The ARN of the function, version or alias invoked (<c>Lambda-Runtime-Invoked-Function-Arn</c>), when sent.</summary>
    public string? InvokedFunctionArn { get; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), also put into <c>_X_AMZN_TRACE_ID</c> for the invocation.</summary>
    public string? TraceId { get; }

    /// <summary>The event, as JSON bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }
}
