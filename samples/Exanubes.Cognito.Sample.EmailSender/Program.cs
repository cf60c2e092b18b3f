using Exanubes.Cognito.Sample.EmailSender;

// The custom-runtime entry point (provided.al2023, Native AOT, and the local stack's Runtime API host). The managed
// .NET runtime does not call Main: it loads Function::HandleAsync from the same assembly.
await new Function().RunAsync(CancellationToken.None).ConfigureAwait(false);
