using Exanubes.Cognito.Sample.LocalStack.Stack;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Playwright;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The whole local stack started exactly as <c>dotnet run --project samples/Exanubes.Cognito.Sample.LocalStack</c>
/// starts it (the same library code), but on free loopback ports with a throw-away state folder; plus one system
/// chromium for the browser tests. Shared by the demo tests, which run one after another.
/// </summary>
public sealed class DemoStackFixture : IAsyncLifetime
{
    public const string Password = "Passw0rd!demo";
    public const string NewPassword = "N3w-Passw0rd!demo";

    private readonly string _state = Path.Combine(Path.GetTempPath(), "exanubes-demo-" + Guid.NewGuid().ToString("N")[..8]);
    private ILoggerFactory? _loggerFactory;

    public LocalCognitoStack Stack { get; private set; } = null!;

    /// <summary>Every log record of the demo app and the stack, at every level.</summary>
    public FakeLogCollector Logs { get; } = new();

    public MailDevInbox Inbox { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Demo => Stack.DemoUrl;

    public async Task InitializeAsync()
    {
        await NodePeers.EnsureInstalledAsync();
        _loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        var options = new LocalStackOptions
        {
            RepositoryRoot = RepoPaths.Root,
            StateDirectory = _state,
            DemoPort = 0,
            CognitoPort = 0,
            KmsPort = 0,
            LambdaPort = 0,
            SmtpPort = 0,
            InboxPort = 0,
        };
        options.DemoSettings["Demo:RateLimit:PermitLimit"] = "1000";
        // The most verbose logging an operator could configure; only the demo's own guard (no request logs) stays.
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System" })
        {
            options.DemoSettings[$"Logging:LogLevel:{category}"] = "Trace";
        }

        options.DemoLogging = logging => logging.AddProvider(new FakeLoggerProvider(Logs));
        Stack = await LocalCognitoStack.StartAsync(options, _loggerFactory);
        Inbox = new MailDevInbox(Http, Stack.InboxUrl);
        (Playwright, Browser) = await SystemChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        Http.Dispose();
        _loggerFactory?.Dispose();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Fails when any log record so far holds one of the secrets (codes, tokens, passwords).</summary>
    public void AssertLogsHoldNone(params string[] secrets)
    {
        var records = Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? []) + " " + record.Exception;
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"log record {record.Category}/{record.Id} holds a secret: {record.Message}");
            }
        }
    }

    /// <summary>A fresh address for one test's user.</summary>
    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@example.com";

    /// <summary>What each piece printed, for failure messages.</summary>
    public string Diagnostics() => $"--- cognito-local ---\n{Stack.CognitoLocal.Output}\n--- maildev ---\n{Stack.Inbox.Output}";
}
