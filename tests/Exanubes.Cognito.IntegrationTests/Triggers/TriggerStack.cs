using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.Triggers;

/// <summary>
/// The local Cognito with its Lambda client pointed at a loopback invoke endpoint and the given TriggerFunctions, in a
/// fresh working directory; stopped and deleted on dispose.
/// </summary>
internal sealed class TriggerStack : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private PeerProcess? _cognito;
    private string? _workDir;

    public LambdaInvokeEndpoint Lambda { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public async Task StartAsync(JsonObject triggerFunctions, IDictionary<string, string>? environment = null)
    {
        Lambda.Start();
        _workDir = Path.Combine(Path.GetTempPath(), "exanubes-triggers-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(_workDir, ".cognito"));
        var config = new JsonObject
        {
            ["UserPoolDefaults"] = new JsonObject { ["UsernameAttributes"] = new JsonArray() },
            ["LambdaClient"] = new JsonObject
            {
                ["endpoint"] = Lambda.Url,
                ["region"] = "eu-west-1",
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
                ["maxRetries"] = 0,
            },
            ["TriggerFunctions"] = triggerFunctions,
        };
        await File.WriteAllTextAsync(Path.Combine(_workDir, ".cognito", "config.json"), config.ToJsonString());
        var port = PeerProcess.FreePort();
        _cognito = await LocalCognito.StartAsync(_workDir, port, environment);
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task<(string PoolId, string ClientId)> CreatePoolAsync()
    {
        var pool = await CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "triggers-" + Guid.NewGuid().ToString("N")[..8] });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "client",
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });
        return (poolId, client["UserPoolClient"]!["ClientId"]!.GetValue<string>());
    }

    public async Task<JsonNode> CallAsync(string action, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text) ?? new JsonObject()
            : throw new InvalidOperationException($"cognito-local {action} failed ({(int)response.StatusCode}): {text}\n{_cognito?.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_cognito is not null)
        {
            await _cognito.DisposeAsync();
        }

        Lambda.Dispose();
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
}
