using Exanubes.Cognito.Sample.SmsSender;

// The custom-runtime entry point (provided.al2023, Native AOT, or a local Runtime API host). The managed .NET runtime
// does not call Main: it loads SmsFunction::HandleAsync from the same assembly.
await new SmsFunction().RunAsync(CancellationToken.None).ConfigureAwait(false);
return 0;
