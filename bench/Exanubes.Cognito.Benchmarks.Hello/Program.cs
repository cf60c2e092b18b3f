// A .NET hello as a Lambda custom runtime: next -> {} -> response, through Exanubes.Cognito.Lambda's loop. The coldstart
// bench times it (AOT and JIT) beside the senders to show what the runtime alone costs.
using Exanubes.Cognito.Lambda;

await LambdaRuntime.RunAsync(_ => ValueTask.FromResult<LambdaInvocationHandler>((_, _) => Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray())), CancellationToken.None).ConfigureAwait(false);
