using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// The official Cognito Identity Provider API model (botocore's <c>cognito-idp/2016-04-18/service-2.json.gz</c>, the
/// source of truth for shapes and error codes) and a comparison of our wire types against it.
/// </summary>
internal sealed class CognitoApiModel
{
    private static readonly Lazy<CognitoApiModel> Loaded = new(Load);

    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;

    private CognitoApiModel(JsonDocument document)
    {
        _operations = document.RootElement.GetProperty("operations");
        _shapes = document.RootElement.GetProperty("shapes");
    }

    public static CognitoApiModel Instance => Loaded.Value;

    /// <summary>Our JSON metadata: the source-generated context, and reflection for test-local types.</summary>
    public static IJsonTypeInfoResolver Resolver { get; } = JsonTypeInfoResolver.Combine(CognitoJsonContext.Default, new DefaultJsonTypeInfoResolver());

    public bool HasOperation(string name) => _operations.TryGetProperty(name, out _);

    /// <summary>Whether the operation is sent without credentials (<c>smithy.api#noAuth</c>, <c>authtype: none</c>).</summary>
    public bool IsUnsigned(string operation)
    {
        var op = _operations.GetProperty(operation);
        var noAuth = op.TryGetProperty("auth", out var auth) && auth.EnumerateArray().Any(a => a.GetString() == "smithy.api#noAuth");
        return noAuth || (op.TryGetProperty("authtype", out var type) && type.GetString() == "none");
    }

    public JsonElement Input(string operation) => _shapes.GetProperty(_operations.GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!);

    public JsonElement? Output(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("output", out var output) ? _shapes.GetProperty(output.GetProperty("shape").GetString()!) : null;

    public IReadOnlyList<string> Errors(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!)] : [];

    public IReadOnlyList<string> EnumValues(string shape) => [.. _shapes.GetProperty(shape).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The context shape the model's input declares: <c>UserContextData</c>, <c>ContextData</c> or none.</summary>
    public CognitoRequestContext Context(string operation)
    {
        var members = Input(operation).GetProperty("members");
        return members.TryGetProperty("UserContextData", out _) ? CognitoRequestContext.UserContextData
            : members.TryGetProperty("ContextData", out _) ? CognitoRequestContext.ContextData
            : CognitoRequestContext.None;
    }

    /// <summary>
    /// Where <paramref name="ours"/> disagrees with the structure <paramref name="shape"/>: a member the model does not
    /// have, a member of another type (recursively), or (when <paramref name="requireRequired"/>) a required member
    /// we lack. Empty when they agree.
    /// </summary>
    public List<string> Disagreements(Type ours, JsonElement shape, string path, bool requireRequired)
    {
        var found = new List<string>();
        CompareStructure(ours, shape, path, requireRequired, found, []);
        return found;
    }

    private void CompareStructure(Type ours, JsonElement shape, string path, bool requireRequired, List<string> found, HashSet<Type> seen)
    {
        if (!seen.Add(ours))
        {
            return;
        }

        var members = shape.GetProperty("members");
        var info = Resolver.GetTypeInfo(ours, JsonSerializerOptions.Default)!;
        var ourNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            ourNames.Add(property.Name);
            if (!members.TryGetProperty(property.Name, out var member))
            {
                found.Add($"{path}.{property.Name}: not a member of the model's {ShapeName(shape)}");
                continue;
            }

            CompareType(property.PropertyType, _shapes.GetProperty(member.GetProperty("shape").GetString()!), $"{path}.{property.Name}", found, seen);
        }

        if (requireRequired && shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !ourNames.Contains(n)))
            {
                found.Add($"{path}.{name}: required by the model, missing from {ours.Name}");
            }
        }
    }

    private void CompareType(Type ours, JsonElement shape, string path, List<string> found, HashSet<Type> seen)
    {
        var type = Nullable.GetUnderlyingType(ours) ?? ours;
        var modelType = shape.GetProperty("type").GetString();

        // A document (any JSON value: the WebAuthn options and credentials) travels as a JsonElement, nothing else.
        if (modelType == "structure" && shape.TryGetProperty("document", out var document) && document.ValueKind == JsonValueKind.True)
        {
            if (type != typeof(JsonElement))
            {
                found.Add($"{path}: ours is {type.Name}, the model's is a document (JsonElement)");
            }

            return;
        }

        var expected = modelType switch
        {
            "string" => type == typeof(string),
            "boolean" => type == typeof(bool),
            "integer" => type == typeof(int),
            "long" => type == typeof(long),
            "double" => type == typeof(double),
            "timestamp" => type == typeof(DateTimeOffset),
            "list" => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>),
            "map" => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>),
            "structure" => type.IsClass && type != typeof(string) && !type.IsGenericType,
            _ => false,
        };
        if (!expected)
        {
            found.Add($"{path}: ours is {type.Name}, the model's is {modelType}");
            return;
        }

        switch (modelType)
        {
            case "list":
                CompareType(type.GetGenericArguments()[0], MemberShape(shape, "member"), path + "[]", found, seen);
                break;
            case "map":
                CompareType(type.GetGenericArguments()[0], MemberShape(shape, "key"), path + "{key}", found, seen);
                CompareType(type.GetGenericArguments()[1], MemberShape(shape, "value"), path + "{value}", found, seen);
                break;
            case "structure":
                CompareStructure(type, shape, path, requireRequired: true, found, seen);
                break;
        }
    }

    private JsonElement MemberShape(JsonElement shape, string member) => _shapes.GetProperty(shape.GetProperty(member).GetProperty("shape").GetString()!);

    private string ShapeName(JsonElement shape)
    {
        foreach (var candidate in _shapes.EnumerateObject())
        {
            if (candidate.Value.Equals(shape) || candidate.Value.GetRawText() == shape.GetRawText())
            {
                return candidate.Name;
            }
        }

        return "shape";
    }

    private static CognitoApiModel Load()
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import botocore,os;print(os.path.dirname(botocore.__file__))");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 could not be started to find botocore's API models");
        var folder = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var path = Path.Combine(folder, "data", "cognito-idp", "2016-04-18", "service-2.json.gz");
        if (process.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"The official Cognito API model was not found (python3 botocore: exit {process.ExitCode}, '{path}'): {error}");
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return new CognitoApiModel(JsonDocument.Parse(gzip));
    }
}
