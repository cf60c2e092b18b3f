using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// The project's local Cognito (<see cref="LocalCognito"/>: cognito-local, pinned in peers/package-lock.json, with the
/// extensions in tests/local-cognito) on a free loopback port, in a fresh temporary working
/// directory (it keeps its database in <c>.cognito/</c> there), stopped and deleted on dispose. Fails loudly when
/// Node.js or the npm peers are missing.
/// </summary>
public sealed class CognitoLocalFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private PeerProcess? _peer;
    private string? _workDir;

    /// <summary>The endpoint, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>
    /// The end-user context members (UserContextData, ContextData, AnalyticsMetadata, ClientMetadata) of every request
    /// that carried any, as the emulator received them, one object per request with its <c>target</c>
    /// (tests/local-cognito/extensions/request-context-capture.js).
    /// </summary>
    public IReadOnlyList<JsonObject> ReceivedContexts() => File.Exists(ContextLogPath)
        ? [.. File.ReadAllLines(ContextLogPath).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())]
        : [];

    private string ContextLogPath => Path.Combine(_workDir!, "request-context.jsonl");

    /// <summary>Everything cognito-local printed (it prints delivered codes).</summary>
    public string Output => _peer?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "exanubes-cognito-local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_workDir, ".cognito"));

        // cognito-local's pools default to email-as-username; these tests use plain user names (with an email attribute).
        await File.WriteAllTextAsync(
            Path.Combine(_workDir, ".cognito", "config.json"),
            """{ "UserPoolDefaults": { "UsernameAttributes": [] } }""");
        var port = PeerProcess.FreePort();
        _peer = await LocalCognito.StartAsync(_workDir, port, new Dictionary<string, string> { ["LOCAL_COGNITO_CONTEXT_LOG"] = ContextLogPath });
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

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

    /// <summary>Creates a user pool and an app client (optionally with a secret) through cognito-local's API.</summary>
    public async Task<CognitoLocalPool> CreatePoolAsync(bool withSecret = false)
    {
        var pool = await CallAsync("CreateUserPool", new JsonObject
        {
            ["PoolName"] = "pool-" + Guid.NewGuid().ToString("N")[..8],
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
        });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "client",
            ["GenerateSecret"] = withSecret,
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });
        var clientNode = client["UserPoolClient"]!;
        return new CognitoLocalPool(poolId, clientNode["ClientId"]!.GetValue<string>(), clientNode["ClientSecret"]?.GetValue<string>());
    }

    /// <summary>Creates a group in a pool.</summary>
    public Task CreateGroupAsync(string poolId, string groupName) =>
        CallAsync("CreateGroup", new JsonObject { ["UserPoolId"] = poolId, ["GroupName"] = groupName });

    /// <summary>A raw JSON 1.1 call to cognito-local (setup only; the code under test never goes through here).</summary>
    public async Task<JsonNode> CallAsync(string action, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"cognito-local {action} failed ({(int)response.StatusCode}): {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }

    /// <summary>
    /// The code cognito-local last issued to a user, read from its database (<c>.cognito/db/&lt;pool&gt;.json</c>, saved
    /// before each response): <c>ConfirmationCode</c> (sign-up, forgot password) or <c>AttributeVerificationCode</c>.
    /// cognito-local also prints each delivery to its console, but through a buffered logger, so the file is the
    /// reliable hook.
    /// </summary>
    public string StoredCode(string userPoolId, string username, string field = "ConfirmationCode")
    {
        var path = Path.Combine(_workDir!, ".cognito", "db", userPoolId + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.TryGetProperty("Users", out var users)
            && users.TryGetProperty(username, out var user)
            && user.TryGetProperty(field, out var code)
            && code.ValueKind == JsonValueKind.String)
        {
            return code.GetString()!;
        }

        throw new InvalidOperationException($"cognito-local holds no {field} for '{username}' in {path}. Output:\n{Output}");
    }

    /// <summary>The live EMAIL_OTP/SMS_OTP sign-in code of a user (by internal user name), read from the emulator's database.</summary>
    public string StoredSignInCode(string userPoolId, string username)
    {
        var path = Path.Combine(_workDir!, ".cognito", "db", userPoolId + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.TryGetProperty("Users", out var users)
            && users.TryGetProperty(username, out var user)
            && user.TryGetProperty("SignInCode", out var signInCode)
            && signInCode.TryGetProperty("Code", out var code)
            && code.ValueKind == JsonValueKind.String)
        {
            return code.GetString()!;
        }

        throw new InvalidOperationException($"the local Cognito holds no sign-in code for '{username}' in {path}. Output:\n{Output}");
    }

}

/// <summary>A pool and app client created in cognito-local.</summary>
public sealed record CognitoLocalPool(string UserPoolId, string ClientId, string? ClientSecret);

[CollectionDefinition(Name)]
public sealed class CognitoLocalCollection : ICollectionFixture<CognitoLocalFixture>
{
    public const string Name = "cognito-local";
}
