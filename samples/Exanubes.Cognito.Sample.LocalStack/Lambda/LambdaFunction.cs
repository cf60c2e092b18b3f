namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// A function the <see cref="LambdaHost"/> serves: its name (what <c>Invoke</c> calls) and how to start one execution
/// environment of it, given the <c>AWS_LAMBDA_RUNTIME_API</c> value (<c>127.0.0.1:port</c>) it must poll.
/// </summary>
/// <param name="Name">The function name in <c>/2015-03-31/functions/{name}/invocations</c>.</param>
/// <param name="Start">Starts an environment (a process for the sample sender) running the Runtime API loop against the given <c>host:port</c>.</param>
/// <param name="Timeout">The function timeout: the <c>Lambda-Runtime-Deadline-Ms</c> header and how long <c>Invoke</c> waits. Default 30 s.</param>
public sealed record LambdaFunction(string Name, Func<string, CancellationToken, Task<LambdaEnvironment>> Start, TimeSpan? Timeout = null);

/// <summary>One running execution environment of a <see cref="LambdaFunction"/>.</summary>
/// <param name="Description">What runs, for the console (for example "Native AOT binary /path").</param>
/// <param name="Exited">Completes when the environment ends on its own (the process exited); its result is the exit status.</param>
/// <param name="Stop">Ends the environment (kills the process).</param>
public sealed record LambdaEnvironment(string Description, Task<int> Exited, Func<Task> Stop);
