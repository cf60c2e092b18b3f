using System.Net;
using Exanubes.Cognito.Sample.WebApp;
using Microsoft.AspNetCore.Builder;

namespace Exanubes.Cognito.Sample.LocalStack.Stack;

/// <summary>The demo web app hosted in this process (a project reference, no second <c>dotnet run</c>), pointed at the stack.</summary>
public sealed class DemoHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoHost(WebApplication app) => _app = app;

    /// <summary>The app's services (tests use them to reach its configuration).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the demo on the stack's demo port, or another instance on <paramref name="port"/> with extra settings
    /// (over HTTPS when <paramref name="https"/>; the certificate then comes from <c>Kestrel:Certificates:Default</c>).
    /// </summary>
    public static async Task<DemoHost> StartAsync(LocalCognitoStack stack, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string?>? extraSettings = null, int? port = null, bool https = false)
    {
        var settings = new Dictionary<string, string?>(stack.DemoSettings());
        foreach (var (key, value) in stack.Options.DemoSettings.Concat(extraSettings ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var app = DemoApp.Create([], settings, stack.Options.DemoLogging);

        // Kestrel listens on IPAddress.Loopback (127.0.0.1) only; the stack advertises http://localhost:{port}/
        // (LocalCognitoStack.DemoUrl), the origin a browser and WebAuthn need. Never 0.0.0.0, never a LAN address.
        app.Urls.Clear();
        app.Urls.Add($"{(https ? "https" : "http")}://{IPAddress.Loopback}:{port ?? stack.Options.DemoPort}");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DemoHost(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
