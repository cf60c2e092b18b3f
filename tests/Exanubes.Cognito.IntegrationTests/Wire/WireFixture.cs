using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// One wire case: an action and its input (the AWS API's JSON shape), optionally a canned response, and optionally a
/// public <see cref="CognitoCallContext"/> (as JSON). With a context, our client gets the input plus the context through
/// its context path, and the JS SDK gets the input plus the context members the model's input declares, written as
/// the model shapes them (<see cref="JsInput"/>).
/// </summary>
internal sealed record WireCase(string Name, string Action, JsonObject Input, CannedResponse? Response, JsonObject? Context = null)
{
    /// <summary>The JS SDK's input: <see cref="Input"/> and, per the official model, the context's members.</summary>
    public JsonObject JsInput()
    {
        var input = Input.DeepClone().AsObject();
        if (Context is null)
        {
            return input;
        }

        var members = CognitoApiModel.Instance.Input(Action).GetProperty("members");
        bool Has(string member) => members.TryGetProperty(member, out _);
        string? Str(string name) => (string?)Context[name];
        if (Has("AnalyticsMetadata") && Str("AnalyticsEndpointId") is { } endpoint)
        {
            input["AnalyticsMetadata"] = new JsonObject { ["AnalyticsEndpointId"] = endpoint };
        }

        if (Has("UserContextData") && (Str("IpAddress") is not null || Str("EncodedData") is not null))
        {
            var user = new JsonObject();
            if (Str("IpAddress") is { } ip) user["IpAddress"] = ip;
            if (Str("EncodedData") is { } data) user["EncodedData"] = data;
            input["UserContextData"] = user;
        }

        if (Has("ContextData") && Str("IpAddress") is { } adminIp)
        {
            var data = new JsonObject
            {
                ["IpAddress"] = adminIp,
                ["ServerName"] = Str("ServerName"),
                ["ServerPath"] = Str("ServerPath"),
                ["HttpHeaders"] = new JsonArray([.. (Context["HttpHeaders"]?.AsArray() ?? []).Select(h => (JsonNode)new JsonObject
                {
                    ["headerName"] = (string?)h!["Key"],
                    ["headerValue"] = (string?)h["Value"],
                })]),
            };
            if (Str("EncodedData") is { } encoded) data["EncodedData"] = encoded;
            input["ContextData"] = data;
        }

        if (Has("ClientMetadata") && Context["ClientMetadata"] is JsonObject metadata)
        {
            var merged = input["ClientMetadata"]?.AsObject() ?? [];
            input.Remove("ClientMetadata");
            foreach (var (key, value) in metadata)
            {
                merged[key] = value?.DeepClone();
            }

            input["ClientMetadata"] = merged;
        }

        return input;
    }

    /// <summary>The public context of the case, or <see langword="null"/>.</summary>
    public CognitoCallContext? CallContext() => Context is null ? null : new CognitoCallContext
    {
        ClientMetadata = Context["ClientMetadata"]?.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!),
        IpAddress = (string?)Context["IpAddress"],
        EncodedData = (string?)Context["EncodedData"],
        ServerName = (string?)Context["ServerName"],
        ServerPath = (string?)Context["ServerPath"],
        HttpHeaders = [.. (Context["HttpHeaders"]?.AsArray() ?? []).Select(h => new KeyValuePair<string, string>((string)h!["Key"]!, (string)h["Value"]!))],
        AnalyticsEndpointId = (string?)Context["AnalyticsEndpointId"],
    };
}

/// <summary>What one side (the JS SDK or our client) sent for a case and what it made of the response.</summary>
internal sealed record WireOutcome(CapturedRequest Request, JsonNode? Output, string? ErrorName, string? ErrorMessage);

/// <summary>
/// Runs every wire case through the official JS SDK (capture.js, one Node process) and through our internal
/// <see cref="CognitoIdentityProviderClient"/> (resolved from <c>AddCognitoAuth</c>, its own HttpClient pointed at a
/// loopback capture server), once per test run.
/// </summary>
public sealed class WireFixture : IAsyncLifetime
{
    internal const string UserPoolId = "eu-west-1_AbCdEf123";
    internal const string AccessKeyId = "AKIDEXAMPLE";

    private static readonly string WireFolder = Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.IntegrationTests", "Wire");

    internal static IReadOnlyList<WireCase> RequestCases { get; } = Load("requests.json");

    internal static IReadOnlyList<WireCase> ResponseCases { get; } = Load("responses.json");

    internal Dictionary<string, WireOutcome> Js { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, WireOutcome> Ours { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var cases = RequestCases.Concat(ResponseCases).ToList();
        await RunJsAsync(cases);
        await RunOursAsync(cases);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RunJsAsync(List<WireCase> cases)
    {
        var input = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["action"] = c.Action,
            ["input"] = c.JsInput(),
            ["response"] = c.Response is null ? null : new JsonObject
            {
                ["status"] = c.Response.Status,
                ["errorType"] = c.Response.ErrorType,
                ["body"] = JsonNode.Parse(c.Response.Body),
            },
        })]);
        var output = await NodeScript.RunAsync(Path.Combine(WireFolder, "capture.js"), [NodePeers.NodeModules], input.ToJsonString());
        var results = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var result = results[i]!;
            var request = result["request"] ?? throw new InvalidOperationException($"the JS SDK sent no request for '{cases[i].Name}': {result.ToJsonString()}");
            var headers = request["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            Js[cases[i].Name] = new WireOutcome(
                new CapturedRequest(
                    (string)request["method"]!,
                    (string)request["path"]!,
                    headers,
                    request["body"]?.ToJsonString() ?? string.Empty,
                    Convert.FromBase64String((string?)request["bodyBase64"] ?? string.Empty)),
                result["output"]?.DeepClone(),
                (string?)result["error"]?["name"],
                (string?)result["error"]?["message"]);
        }
    }

    private async Task RunOursAsync(List<WireCase> cases)
    {
        using var server = new LoopbackCaptureServer();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(AccessKeyId, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = UserPoolId;
            options.ClientId = "5m4h3g2f1e0d9c8b7a6z5y4x3w";
            options.ServiceUrl = server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<CognitoIdentityProviderClient>();

        foreach (var wireCase in cases)
        {
            server.Next = wireCase.Response ?? CannedResponse.EmptyOk;
            var before = server.Requests.Count;
            var (output, errorName, errorMessage) = await InvokeAsync(client, wireCase);
            var sent = server.Requests.Skip(before).ToList();
            Assert.True(sent.Count == 1, $"our client sent {sent.Count} requests for '{wireCase.Name}'");
            Ours[wireCase.Name] = new WireOutcome(sent[0], output, errorName, errorMessage);
        }
    }

    /// <summary>Sends the case through <see cref="CognitoIdentityProviderClient.SendAsync{TRequest, TResponse}"/> with its action's descriptor.</summary>
    internal static async Task<(JsonNode? Output, string? ErrorName, string? ErrorMessage)> InvokeAsync(CognitoIdentityProviderClient client, WireCase wireCase)
    {
        var action = ActionDescriptors.Named(wireCase.Action);
        var request = JsonSerializer.Deserialize(wireCase.Input.ToJsonString(), CognitoJsonContext.Default.GetTypeInfo(action.RequestType)!)
            ?? throw new InvalidOperationException($"input of '{wireCase.Name}' deserialized to null");
        // The overload with a CognitoCallContext: the path every flow takes.
        var send = typeof(CognitoIdentityProviderClient).GetMethods()
            .Single(m => m.Name == nameof(CognitoIdentityProviderClient.SendAsync) && m.GetParameters().Length == 4)
            .MakeGenericMethod(action.RequestType, action.ResponseType);
        var task = (Task)send.Invoke(client, [action, request, wireCase.CallContext(), CancellationToken.None])!;
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var resultType = result.GetType();
        if ((bool)resultType.GetProperty("Succeeded")!.GetValue(result)!)
        {
            var value = resultType.GetProperty("Value")!.GetValue(result)!;
            return (JsonSerializer.SerializeToNode(value, CognitoJsonContext.Default.GetTypeInfo(value.GetType())!), null, null);
        }

        var error = (CognitoError)resultType.GetProperty("Error")!.GetValue(result)!;
        return (null, error.Type, error.Message);
    }

    private static List<WireCase> Load(string file)
    {
        var path = Path.Combine(WireFolder, "Fixtures", file);
        var cases = new List<WireCase>();
        foreach (var node in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var response = node!["response"] is { } r
                ? new CannedResponse((int)r["status"]!, r["body"]!.ToJsonString(), (string?)r["errorType"])
                : null;
            cases.Add(new WireCase(
                (string)node["name"]!, (string)node["action"]!, node["input"]!.AsObject().DeepClone().AsObject(), response, node["context"]?.AsObject().DeepClone().AsObject()));
        }

        return cases;
    }
}
