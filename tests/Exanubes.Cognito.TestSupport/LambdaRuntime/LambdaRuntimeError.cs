namespace Exanubes.Cognito.TestSupport;

/// <summary>An <c>init/error</c> post.</summary>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
/// <param name="Body">The posted body.</param>
public sealed record LambdaRuntimeError(string? ErrorType, byte[] Body);
