namespace Exanubes.Cognito.Lambda;

/// <summary>Handles one invocation and returns the response payload (JSON bytes) that is posted back to Lambda.</summary>
/// <param name="invocation">The invocation.</param>
/// <param name="cancellationToken">Cancelled at the invocation's deadline or when the loop stops.</param>
/// <returns>The response payload.</returns>
/// <remarks>An exception is reported to Lambda as a failed invocation (an <c>invocation/error</c> call) and the loop goes on.</remarks>
public delegate Task<ReadOnlyMemory<byte>> LambdaInvocationHandler(LambdaInvocation invocation, CancellationToken cancellationToken);

/// <summary>Builds the handler once per execution environment, before the first <c>next</c> call.</summary>
/// <param name="cancellationToken">Cancelled when the loop stops.</param>
/// <returns>The handler.</returns>
/// <remarks>An exception is reported to Lambda as an init error (an <c>init/error</c> call) and the loop ends.</remarks>
public delegate ValueTask<LambdaInvocationHandler> LambdaInitializer(CancellationToken cancellationToken);
