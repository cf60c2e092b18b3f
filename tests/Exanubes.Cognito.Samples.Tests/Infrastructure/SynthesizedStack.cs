using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Exanubes.Cognito.Sample.Infrastructure;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>One synthesized <see cref="CognitoStack"/>: the CDK assertion view, the raw JSON and the logical ids.</summary>
public sealed partial class SynthesizedStack
{
    private SynthesizedStack(Template template, string json, IReadOnlyList<string> assetFiles, string keyId, string functionId, string poolId, string clientId, string logGroupId, string roleId)
    {
        AssetFiles = assetFiles;
        Template = template;
        Json = json;
        Root = JsonNode.Parse(json)!.AsObject();
        KeyId = keyId;
        FunctionId = functionId;
        PoolId = poolId;
        ClientId = clientId;
        LogGroupId = logGroupId;
        RoleId = roleId;
    }

    public Template Template { get; }

    /// <summary>The template exactly as written to the cloud assembly.</summary>
    public string Json { get; }

    public JsonObject Root { get; }

    /// <summary>The files CDK staged as the sender function's code asset (relative paths).</summary>
    public IReadOnlyList<string> AssetFiles { get; }

    public string KeyId { get; }

    public string FunctionId { get; }

    public string PoolId { get; }

    public string ClientId { get; }

    public string LogGroupId { get; }

    public string RoleId { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    /// <summary>The resources of one CloudFormation type, by logical id.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonObject>> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()))
            .ToList();

    /// <summary>The single resource of <paramref name="type"/>; fails when there is not exactly one.</summary>
    public JsonObject Single(string type) => Assert.Single(OfType(type)).Value;

    /// <summary>A <c>{"Fn::GetAtt": [id, attribute]}</c> node to compare against.</summary>
    public static JsonNode GetAtt(string id, string attribute) => new JsonObject { ["Fn::GetAtt"] = new JsonArray(id, attribute) };

    /// <summary>A <c>{"Ref": id}</c> node to compare against.</summary>
    public static JsonNode Ref(string id) => new JsonObject { ["Ref"] = id };

    /// <summary>
    /// Synthesizes a fresh app holding one stack (named like the one Program.cs creates). Loading the template into
    /// <see cref="Amazon.CDK.Assertions.Template"/> also checks it is deployable: a dependency cycle throws.
    /// </summary>
    public static SynthesizedStack Synthesize(CognitoStackProps props, Action<CognitoStack>? change = null)
    {
        var outdir = Path.Combine(Path.GetTempPath(), "exanubes-cdk-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var app = new App(new AppProps { Outdir = outdir, AnalyticsReporting = false });
            var stack = new CognitoStack(app, "ExanubesCognito", props);
            change?.Invoke(stack);
            var assembly = app.Synth();
            var json = File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile));
            return new SynthesizedStack(
                Template.FromString(json),
                json,
                StagedAssetFiles(assembly.Directory, json),
                LogicalId(stack, stack.CustomSenderKey),
                LogicalId(stack, stack.Sender),
                LogicalId(stack, stack.UserPool),
                LogicalId(stack, stack.Client),
                LogicalId(stack, (Constructs.IConstruct)stack.Node.FindChild("SenderLogs")),
                LogicalId(stack, (Constructs.IConstruct)stack.Node.FindChild("SenderRole")));
        }
        finally
        {
            if (Directory.Exists(outdir))
            {
                Directory.Delete(outdir, recursive: true);
            }
        }
    }

    /// <summary>The files of the staged asset the function's S3Key names (asset.&lt;hash&gt; in the cloud assembly).</summary>
    private static List<string> StagedAssetFiles(string assemblyDirectory, string json)
    {
        var resources = JsonNode.Parse(json)!["Resources"]!.AsObject();
        // The email sender's asset (with the smsSender flag the stack has a second function, the SMS sender).
        var function = resources.Single(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function"
            && (string?)r.Value!["Properties"]!["Handler"] != CognitoStack.SmsSenderHandler).Value!;
        var key = (string)function["Properties"]!["Code"]!["S3Key"]!;
        var staged = Path.Combine(assemblyDirectory, "asset." + Path.GetFileNameWithoutExtension(key));
        return Directory.Exists(staged)
            ? Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staged, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    private static string LogicalId(Stack stack, Constructs.IConstruct construct) =>
        stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    /// <summary>Indented JSON with asset hashes (they change with every build of the sender) replaced; all else is kept.</summary>
    public static string Normalize(string json)
    {
        var text = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return AssetHash().Replace(text, "<asset-hash>").ReplaceLineEndings("\n") + "\n";
    }

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex AssetHash();
}
