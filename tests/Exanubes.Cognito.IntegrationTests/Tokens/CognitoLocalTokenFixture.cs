using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.Tokens;

/// <summary>
/// The project's local Cognito (<see cref="LocalCognito"/>) on a free loopback port in a fresh working folder, with one pool, one app client and one
/// confirmed user in group <c>admin</c>, set up with raw JSON 1.1 calls. Signs the user in once and keeps the tokens.
/// </summary>
public sealed class CognitoLocalTokenFixture : IAsyncLifetime
{
    public const string Password = "Correct-Horse-9";
    public const string Username = "alice@example.com";

    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "exanubes-tokens-" + Guid.NewGuid().ToString("N"));
    private PeerProcess? _peer;

    public HttpClient Http { get; } = new();

    public int Port { get; private set; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}/");

    public string UserPoolId { get; private set; } = string.Empty;

    public string ClientId { get; private set; } = string.Empty;

    public string AccessToken { get; private set; } = string.Empty;

    public string IdToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workDir);
        Port = PeerProcess.FreePort();
        _peer = await LocalCognito.StartAsync(_workDir, Port);

        var pool = await CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "tokens-it" });
        UserPoolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = UserPoolId, ["ClientName"] = "web" });
        ClientId = client["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        await CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = UserPoolId,
            ["Username"] = Username,
            ["TemporaryPassword"] = "Temporary-Pass-1",
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        });
        await CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = UserPoolId, ["Username"] = Username, ["Password"] = Password, ["Permanent"] = true });
        await CallAsync("CreateGroup", new JsonObject { ["UserPoolId"] = UserPoolId, ["GroupName"] = "admin" });
        await CallAsync("AdminAddUserToGroup", new JsonObject { ["UserPoolId"] = UserPoolId, ["Username"] = Username, ["GroupName"] = "admin" });
        var auth = await CallAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = Username, ["PASSWORD"] = Password },
        });
        AccessToken = auth["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        IdToken = auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
    }

    public async Task<JsonNode> CallAsync(string action, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceUrl) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"cognito-local {action} answered {(int)response.StatusCode}: {text}\n{_peer?.Output}");
        }

        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text)!;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    /// <summary>The payload of a token, for assertions on what cognito-local put in it.</summary>
    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement;
}
