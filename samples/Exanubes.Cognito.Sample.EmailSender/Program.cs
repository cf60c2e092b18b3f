using System.Runtime.CompilerServices;
using Exanubes.Cognito.Sample.EmailSender;

// The custom-runtime entry point (provided.al2023, Native AOT, and the local stack's Runtime API host). The managed
// .NET runtime does not call Main: it loads Function::HandleAsync from the same assembly.
if (args is ["--self-test", var folder])
{
    return await SelfTest.RunAsync(folder).ConfigureAwait(false);
}

await Console.Error.WriteLineAsync($"Exanubes.Cognito.Sample.EmailSender: {(RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "Native AOT")} build, Lambda Runtime API loop").ConfigureAwait(false);
await new Function().RunAsync(CancellationToken.None).ConfigureAwait(false);
return 0;
