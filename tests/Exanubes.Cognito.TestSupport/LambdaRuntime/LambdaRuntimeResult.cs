using System.Diagnostics;

namespace Exanubes.Cognito.TestSupport;

/// <summary>How an invocation ended: the <c>response</c> body, or the <c>error</c> body with its error-type header.</summary>
/// <param name="RequestId">The request id the host gave it.</param>
/// <param name="Succeeded">True for a <c>response</c> post, false for an <c>error</c> post.</param>
/// <param name="Body">The posted body.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header of an error.</param>
/// <param name="PostedAt">The <see cref="Stopwatch"/> timestamp when the post arrived.</param>
public sealed record LambdaRuntimeResult(string RequestId, bool Succeeded, byte[] Body, string? ErrorType, long PostedAt);
