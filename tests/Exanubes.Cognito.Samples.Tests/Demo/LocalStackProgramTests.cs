using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>README's first command, as a person runs it: it prints the URLs to open, they answer, and Ctrl+C stops everything.</summary>
public sealed partial class LocalStackProgramTests
{
    [Fact]
    public async Task Program_StartedThenInterrupted_PrintsWorkingUrlsAndStopsEveryPiece()
    {
        await NodePeers.EnsureInstalledAsync();
        var state = Path.Combine(Path.GetTempPath(), "exanubes-program-" + Guid.NewGuid().ToString("N")[..8]);
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Exanubes.Cognito.Sample.LocalStack.dll"));
        psi.ArgumentList.Add($"--LocalStack:StateDirectory={state}");
        // No RepositoryRoot: the program finds the clone above its own folder, as `dotnet run` from a fresh clone does.
        foreach (var port in new[] { "DemoPort", "CognitoPort", "KmsPort", "LambdaPort", "SmtpPort", "InboxPort" })
        {
            psi.ArgumentList.Add($"--LocalStack:{port}=0");
        }

        var output = new StringBuilder();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!Text(output).Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
            {
                Assert.False(process.HasExited, "the local stack exited early:\n" + Text(output));
                Assert.True(DateTime.UtcNow < deadline, "the local stack did not print its URLs in time:\n" + Text(output));
                await Task.Delay(200);
            }

            var demo = new Uri(Url().Match(Text(output), Text(output).IndexOf("Demo:", StringComparison.Ordinal)).Value);
            var inbox = new Uri(Url().Match(Text(output), Text(output).IndexOf("Inbox:", StringComparison.Ordinal)).Value);
            var cognito = new Uri(Url().Match(Text(output), Text(output).IndexOf("cognito-local http", StringComparison.Ordinal)).Value);
            Assert.Equal("localhost", demo.Host); // the origin passkeys need; an IP address is no WebAuthn RP id
            using var http = new HttpClient();
            Assert.Contains("Exanubes Cognito demo", await http.GetStringAsync(demo), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(inbox, "api/healthz"))).StatusCode);

            // Ctrl+C.
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Stopping...", Text(output), StringComparison.Ordinal);
            foreach (var url in new[] { demo, inbox, cognito })
            {
                Assert.False(await AcceptsAsync(url.Port), $"{url} still answers after Ctrl+C");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://(127\.0\.0\.1|localhost):\d+/")]
    private static partial Regex Url();
}
