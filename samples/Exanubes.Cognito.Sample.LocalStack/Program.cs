// The README's first command: `dotnet run --project samples/Exanubes.Cognito.Sample.LocalStack`.
// Starts the local Cognito (tests/local-cognito: cognito-local with the repository's extensions), the KMS stand-in,
// the Lambda host (Invoke API for cognito-local, Runtime API for the sample email sender, which runs as its own
// process: the Native AOT binary from artifacts/email-sender-aot/ when built, the JIT build otherwise), maildev and the demo, all bound to 127.0.0.1 (the demo is advertised
// as http://localhost:PORT), then prints the URLs to open. Ctrl+C stops everything. Ports: --LocalStack:DemoPort=5080
// and friends (0 picks a free port); state (users, codes, mails, the KMS key) persists in .local-stack/ at the
// repository root, which is found above the app or the current folder (or set --LocalStack:RepositoryRoot).
using System.Runtime.InteropServices;
using Exanubes.Cognito.Sample.LocalStack.Stack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = new LocalStackOptions();
configuration.GetSection("LocalStack").Bind(options);

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information));
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stopping.Cancel();
});

LocalCognitoStack stack;
try
{
    stack = await LocalCognitoStack.StartAsync(options, loggerFactory, stopping.Token);
}
catch (OperationCanceledException)
{
    return 1;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
{
    Console.Error.WriteLine($"The local stack could not start: {ex.Message}");
    Console.Error.WriteLine("If a port is taken, choose another (--LocalStack:DemoPort=5090, CognitoPort, KmsPort, LambdaPort, SmtpPort, InboxPort) or 0 for a free one.");
    return 1;
}

await using (stack)
{
    Console.WriteLine();
    Console.WriteLine("The Exanubes Cognito demo is running (all bound to 127.0.0.1, offline):");
    Console.WriteLine($"  Demo:   {stack.DemoUrl}");
    Console.WriteLine($"  Inbox:  {stack.InboxUrl}");
    Console.WriteLine($"  (cognito-local {stack.CognitoUrl}, pool {stack.UserPoolId}, client {stack.ClientId}; KMS stand-in {stack.Kms.Url}; Lambda host {stack.LambdaHost.Url})");
    foreach (var (function, environment) in stack.LambdaHost.Environments)
    {
        Console.WriteLine($"  Lambda {function} (Runtime API {stack.LambdaHost.RuntimeApis[function]}): {environment}");
    }

    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stopping.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping...");
    }
}

return 0;
