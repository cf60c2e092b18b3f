using Exanubes.Cognito.Lambda;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Triggers;

/// <summary>
/// The custom message trigger, live: the local Cognito invokes <see cref="TemplatedCustomMessageFunction"/> on sign-up,
/// replaces the placeholders as Cognito does (extensions/custom-message-delivery.js) and delivers the email to maildev
/// over SMTP. The link in the received email carries the real code, and confirming with it works.
/// </summary>
public sealed partial class CustomMessageLiveTests : IClassFixture<MaildevFixture>, IAsyncLifetime
{
    private readonly MaildevFixture _maildev;
    private readonly LambdaInvokeEndpoint _lambda = new();
    private readonly HttpClient _http = new();
    private PeerProcess? _cognito;
    private string? _workDir;
    private Uri _endpoint = null!;

    public CustomMessageLiveTests(MaildevFixture maildev) => _maildev = maildev;

    public async Task InitializeAsync()
    {
        var function = new Function();
        _lambda.Functions["custom-message"] = payload => LambdaInvokeEndpoint.RunStreamHandlerAsync(function.HandleAsync, payload);
        _lambda.Start();
        _workDir = Path.Combine(Path.GetTempPath(), "exanubes-custom-message-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(_workDir, ".cognito"));
        var config = new JsonObject
        {
            ["UserPoolDefaults"] = new JsonObject { ["UsernameAttributes"] = new JsonArray() },
            ["LambdaClient"] = new JsonObject
            {
                ["endpoint"] = _lambda.Url,
                ["region"] = "eu-west-1",
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
                ["maxRetries"] = 0,
            },
            ["TriggerFunctions"] = new JsonObject { ["CustomMessage"] = "custom-message" },
        };
        await File.WriteAllTextAsync(Path.Combine(_workDir, ".cognito", "config.json"), config.ToJsonString());
        var port = PeerProcess.FreePort();
        _cognito = await LocalCognito.StartAsync(_workDir, port, new Dictionary<string, string> { ["LOCAL_COGNITO_SMTP"] = $"127.0.0.1:{_maildev.SmtpPort}" });
        _endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task SignUp_CustomMessageEmail_ArrivesInMaildevWithAWorkingLink()
    {
        var pool = await CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "custom-message", ["AutoVerifiedAttributes"] = new JsonArray("email") });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = poolId, ["ClientName"] = "web" });
        var clientId = client["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var recipient = $"cm-{Guid.NewGuid().ToString("N")[..8]}@example.com";

        await CallAsync("SignUp", new JsonObject
        {
            ["ClientId"] = clientId,
            ["Username"] = "jane.cm",
            ["Password"] = "Passw0rd!Passw0rd",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = recipient }),
        });
        var email = await _maildev.WaitForEmailAsync(recipient);

        Assert.Equal("Verify your email address", email.GetProperty("subject").GetString());
        var html = email.GetProperty("html").GetString()!;
        Assert.DoesNotContain("{####}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%7B", html, StringComparison.Ordinal);
        var link = VerifyLink().Match(html);
        Assert.True(link.Success, html);
        Assert.Equal("jane.cm", link.Groups["user"].Value);
        Assert.Contains($">{link.Groups["code"].Value}</p>", html, StringComparison.Ordinal);

        await CallAsync("ConfirmSignUp", new JsonObject { ["ClientId"] = clientId, ["Username"] = link.Groups["user"].Value, ["ConfirmationCode"] = link.Groups["code"].Value });
        var user = await CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "jane.cm" });
        Assert.Equal("CONFIRMED", user["UserStatus"]!.GetValue<string>());
        Assert.Contains(_lambda.Events, e => e["triggerSource"]!.GetValue<string>() == "CustomMessage_SignUp");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_cognito is not null)
        {
            await _cognito.DisposeAsync();
        }

        _lambda.Dispose();
        if (_workDir is not null)
        {
            try
            {
                Directory.Delete(_workDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<JsonNode> CallAsync(string action, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text) ?? new JsonObject()
            : throw new InvalidOperationException($"cognito-local {action} failed ({(int)response.StatusCode}): {text}\n{_cognito?.Output}");
    }

    [GeneratedRegex(@"href=""https://app\.example\.com/verify\?code=(?<code>\d{6})&amp;username=(?<user>[^""&]+)""")]
    private static partial Regex VerifyLink();

    private sealed class Function() : TemplatedCustomMessageFunction(new FixedEnvironmentVariables(new Dictionary<string, string?> { ["EmailSender__AppUrl"] = "https://app.example.com" }));
}
