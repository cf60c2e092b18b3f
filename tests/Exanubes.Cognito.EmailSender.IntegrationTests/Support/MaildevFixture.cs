using System.Net.Http.Json;
using System.Text.Json;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Support;

/// <summary>A real maildev (npm) on free loopback ports: SMTP in, REST API (<c>/api/email</c>) out. Fails loudly when it cannot start.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private PeerProcess? _maildev;
    private HttpClient? _http;

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public async Task InitializeAsync()
    {
        await NodePeers.EnsureInstalledAsync();
        SmtpPort = PeerProcess.FreePort();
        WebPort = PeerProcess.FreePort();
        _maildev = PeerProcess.StartNode(
            "maildev",
            NodePeers.PackageFile("maildev", "dist/bin/maildev.js"),
            ["--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1"],
            RepoPaths.Peers);
        await _maildev.WaitForPortAsync(SmtpPort);
        await _maildev.WaitForPortAsync(WebPort);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/") };
    }

    /// <summary>Waits for the email sent to <paramref name="recipient"/> and returns maildev's JSON for it.</summary>
    public async Task<JsonElement> WaitForEmailAsync(string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var emails = await _http!.GetFromJsonAsync<JsonElement>("api/email");
            foreach (var email in emails.EnumerateArray())
            {
                foreach (var to in email.GetProperty("to").EnumerateArray())
                {
                    if (string.Equals(to.GetProperty("address").GetString(), recipient, StringComparison.OrdinalIgnoreCase))
                    {
                        return email;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"maildev received no email for {recipient}:\n{_maildev?.Output}");
    }

    /// <summary>How many emails maildev holds for <paramref name="recipient"/> right now.</summary>
    public async Task<int> CountEmailsAsync(string recipient)
    {
        var emails = await _http!.GetFromJsonAsync<JsonElement>("api/email");
        return emails.EnumerateArray().Count(email => email.GetProperty("to").EnumerateArray()
            .Any(to => string.Equals(to.GetProperty("address").GetString(), recipient, StringComparison.OrdinalIgnoreCase)));
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_maildev is not null)
        {
            await _maildev.DisposeAsync();
        }
    }
}
