using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Exanubes.Cognito.Sample.LocalStack.Kms;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Exanubes.Cognito.Sample.LocalStack.Peers;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Stack;

/// <summary>
/// The whole demo on loopback, offline: the KMS stand-in, maildev (inbox), the project's local Cognito
/// (<c>tests/local-cognito/start.js</c>: cognito-local with the repository's extensions, the same emulator the
/// integration tests run; with our pool, app client,
/// an <c>admins</c> group and its CustomEmailSender and CustomSMSSender triggers pointing at the Lambda host), the Lambda
/// host running the sample email and SMS sender functions (the SMS one writes to a local inbox file), and the demo web app. Started in dependency order with readiness waited for;
/// disposed in reverse. Users, codes, mails and the KMS key live in <see cref="LocalStackOptions.StateDirectory"/>, so
/// restarting one piece (or the whole stack) loses nothing.
/// </summary>
public sealed class LocalCognitoStack : IAsyncDisposable
{
    /// <summary>The group the demo's admin endpoint requires.</summary>
    public const string AdminGroup = "admins";

    private readonly List<IAsyncDisposable> _started = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private LocalCognitoStack(LocalStackOptions options, string root, string state)
    {
        Options = options;
        RepositoryRoot = root;
        StateDirectory = state;
    }

    /// <summary>The options with every port resolved.</summary>
    public LocalStackOptions Options { get; }

    /// <summary>The repository root.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Where state persists.</summary>
    public string StateDirectory { get; }

    /// <summary>The KMS stand-in.</summary>
    public KmsStandIn Kms { get; private set; } = null!;

    /// <summary>maildev.</summary>
    public NodePeer Inbox { get; private set; } = null!;

    /// <summary>The local Cognito (cognito-local extended by tests/local-cognito).</summary>
    public NodePeer CognitoLocal { get; private set; } = null!;

    /// <summary>The local Lambda service: the Invoke API cognito-local calls, and the Runtime API the email sender process polls.</summary>
    public LambdaHost LambdaHost { get; private set; } = null!;

    /// <summary>The demo app, when started.</summary>
    public DemoHost? Demo { get; private set; }

    /// <summary>The development SMS sink's file: one JSON line per SMS the SMS sender "sent" (the demo's SMS inbox page reads it).</summary>
    public string SmsInboxPath => Path.Combine(StateDirectory, "sms-inbox.jsonl");

    /// <summary>cognito-local's endpoint (the Cognito service URL).</summary>
    public Uri CognitoUrl => new($"http://127.0.0.1:{Options.CognitoPort}/");

    /// <summary>maildev's web inbox (and REST API under /api).</summary>
    public Uri InboxUrl => new($"http://127.0.0.1:{Options.InboxPort}/");

    /// <summary>
    /// The demo's address, <c>http://localhost:{port}/</c>: a WebAuthn relying-party id must be a domain, never an IP
    /// address. The demo still listens on 127.0.0.1 only (see <see cref="DemoHost"/>).
    /// </summary>
    public Uri DemoUrl => new($"http://localhost:{Options.DemoPort}/");

    /// <summary>The pool's id.</summary>
    public string UserPoolId { get; private set; } = string.Empty;

    /// <summary>The app client's id.</summary>
    public string ClientId { get; private set; } = string.Empty;

    /// <summary>The issuer cognito-local writes into tokens.</summary>
    public string Issuer => $"http://127.0.0.1:{Options.CognitoPort}/{UserPoolId}";

    /// <summary>An admin client for cognito-local (set up and tests; the demo uses our library instead).</summary>
    public CognitoLocalClient Admin => new(_http, CognitoUrl);

    /// <summary>Starts everything and waits until each piece answers.</summary>
    public static async Task<LocalCognitoStack> StartAsync(LocalStackOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var root = options.RepositoryRoot ?? RepositoryLocator.FindRoot();
        var state = Path.GetFullPath(options.StateDirectory ?? Path.Combine(root, ".local-stack"));
        Directory.CreateDirectory(state);
        ResolvePorts(options);
        var stack = new LocalCognitoStack(options, root, state);
        try
        {
            await stack.StartCoreAsync(loggerFactory, cancellationToken).ConfigureAwait(false);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops everything in reverse start order.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].DisposeAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Keep stopping the rest; one piece failing to stop must not leave others running.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine($"Stopping {_started[i].GetType().Name} failed: {ex.Message}");
            }
        }

        _started.Clear();
        _http.Dispose();
    }

    private async Task StartCoreAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var peers = Path.Combine(RepositoryRoot, "peers");
        await NodeTools.EnsurePeersAsync(peers, cancellationToken).ConfigureAwait(false);

        Kms = await KmsStandIn.StartAsync(Path.Combine(StateDirectory, "kms"), Options.KmsPort, Options.Region, loggerFactory, cancellationToken).ConfigureAwait(false);
        _started.Add(Kms);

        var mailDirectory = Path.Combine(StateDirectory, "maildev");
        Directory.CreateDirectory(mailDirectory);
        Inbox = new NodePeer(
            "maildev",
            Path.Combine(peers, "node_modules", "maildev", "dist", "bin", "maildev.js"),
            ["--smtp", Options.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
             "--web", Options.InboxPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1",
             "--mail-directory", mailDirectory],
            StateDirectory,
            new Dictionary<string, string>(),
            Options.InboxPort,
            loggerFactory.CreateLogger("maildev"));
        _started.Add(Inbox);
        await Inbox.StartAsync(cancellationToken).ConfigureAwait(false);
        await WaitForInboxApiAsync(cancellationToken).ConfigureAwait(false);

        var cognitoDirectory = Path.Combine(StateDirectory, "cognito-local");
        WriteCognitoConfig(cognitoDirectory);
        var localCognito = Path.Combine(RepositoryRoot, "tests", "local-cognito", "start.js");
        if (!File.Exists(localCognito))
        {
            throw new InvalidOperationException($"The local Cognito's loader is missing at '{localCognito}' (is LocalStack:RepositoryRoot the repository?).");
        }

        CognitoLocal = new NodePeer(
            "cognito-local",
            localCognito,
            [],
            cognitoDirectory,
            new Dictionary<string, string>
            {
                ["COGNITO_LOCAL_DIR"] = Path.Combine(peers, "node_modules", "cognito-local"),
                ["PORT"] = Options.CognitoPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HOST"] = "127.0.0.1",
                ["AWS_REGION"] = Options.Region,
            },
            Options.CognitoPort,
            loggerFactory.CreateLogger("cognito-local"));
        _started.Add(CognitoLocal);
        await CognitoLocal.StartAsync(cancellationToken).ConfigureAwait(false);
        await EnsurePoolAsync(cancellationToken).ConfigureAwait(false);
        await PasswordlessPoolSettings.ApplyAsync(Admin, UserPoolId, ClientId, cancellationToken).ConfigureAwait(false);

        LambdaHost = await LambdaHost.StartAsync(
            Options.LambdaPort,
            [EmailSenderProcess.Create(this, loggerFactory), SmsSenderProcess.Create(this, loggerFactory)],
            loggerFactory,
            Options.Region,
            cancellationToken).ConfigureAwait(false);
        _started.Add(LambdaHost);

        if (Options.StartDemo)
        {
            Demo = await DemoHost.StartAsync(this, cancellationToken).ConfigureAwait(false);
            _started.Add(Demo);
        }
    }

    /// <summary>The settings the demo app needs to use this stack (the same keys point it at real AWS).</summary>
    public IReadOnlyDictionary<string, string?> DemoSettings() => new Dictionary<string, string?>
    {
        ["Cognito:UserPoolId"] = UserPoolId,
        ["Cognito:ClientId"] = ClientId,
        ["Cognito:Region"] = Options.Region,
        ["Cognito:ServiceUrl"] = CognitoUrl.ToString(),
        ["Cognito:Issuer"] = Issuer,
        ["Demo:InboxUrl"] = InboxUrl.ToString(),
        ["Demo:SmsInboxPath"] = SmsInboxPath,
        ["Demo:AdminGroup"] = AdminGroup,
    };

    private void WriteCognitoConfig(string directory)
    {
        var configDirectory = Path.Combine(directory, ".cognito");
        Directory.CreateDirectory(configDirectory);
        var config = new JsonObject
        {
            ["LambdaClient"] = new JsonObject
            {
                ["endpoint"] = $"http://127.0.0.1:{Options.LambdaPort}",
                ["region"] = Options.Region,
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
                ["maxRetries"] = 0,
            },
            ["TriggerFunctions"] = new JsonObject
            {
                ["CustomEmailSender"] = Options.EmailSenderFunctionName,
                ["CustomSMSSender"] = Options.SmsSenderFunctionName,
            },
            ["KMSConfig"] = new JsonObject
            {
                ["KMSKeyId"] = Kms.KeyArn,
                ["KMSKeyAlias"] = Kms.AliasArn,
                ["endpoint"] = Kms.Url.ToString().TrimEnd('/'),
                ["region"] = Options.Region,
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
            },
            ["TokenConfig"] = new JsonObject { ["IssuerDomain"] = $"http://127.0.0.1:{Options.CognitoPort}" },
            ["UserPoolDefaults"] = new JsonObject { ["UsernameAttributes"] = new JsonArray("email") },
        };
        File.WriteAllText(Path.Combine(configDirectory, "config.json"), config.ToJsonString(new() { WriteIndented = true }));
    }

    private async Task EnsurePoolAsync(CancellationToken cancellationToken)
    {
        var idsPath = Path.Combine(StateDirectory, "pool.json");
        if (File.Exists(idsPath))
        {
            var ids = JsonNode.Parse(await File.ReadAllTextAsync(idsPath, cancellationToken).ConfigureAwait(false))!.AsObject();
            var poolId = ids["UserPoolId"]!.GetValue<string>();
            if (await Admin.PoolExistsAsync(poolId, cancellationToken).ConfigureAwait(false))
            {
                UserPoolId = poolId;
                ClientId = ids["ClientId"]!.GetValue<string>();
                return;
            }
        }

        UserPoolId = await Admin.CreateUserPoolAsync("exanubes-demo", cancellationToken).ConfigureAwait(false);
        ClientId = await Admin.CreateUserPoolClientAsync(UserPoolId, "exanubes-demo-web", cancellationToken).ConfigureAwait(false);
        await Admin.CreateGroupAsync(UserPoolId, AdminGroup, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(idsPath, new JsonObject { ["UserPoolId"] = UserPoolId, ["ClientId"] = ClientId }.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForInboxApiAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(InboxUrl, "api/healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"maildev's API did not answer at {InboxUrl}api/healthz:\n{Inbox.Output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ResolvePorts(LocalStackOptions options)
    {
        options.DemoPort = Resolve(options.DemoPort);
        options.CognitoPort = Resolve(options.CognitoPort);
        options.KmsPort = Resolve(options.KmsPort);
        options.LambdaPort = Resolve(options.LambdaPort);
        options.SmtpPort = Resolve(options.SmtpPort);
        options.InboxPort = Resolve(options.InboxPort);

        static int Resolve(int port)
        {
            if (port != 0)
            {
                return port;
            }

            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
