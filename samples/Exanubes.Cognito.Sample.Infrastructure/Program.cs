using Amazon.CDK;
using Exanubes.Cognito.Sample.Infrastructure;

// Synthesizes the sample stack. `dotnet run --project samples/Exanubes.Cognito.Sample.Infrastructure` writes
// ./cdk.out offline; the CDK CLI (`npx aws-cdk@2 deploy`, see README) runs the same program. Context comes from
// cdk.json, `-c key=value` on the CLI, or `key=value` arguments after `--` on dotnet run.
var context = new Dictionary<string, object>(StringComparer.Ordinal);
foreach (var arg in args)
{
    var eq = arg.IndexOf('=', StringComparison.Ordinal);
    if (eq <= 0)
    {
        Console.Error.WriteLine($"Arguments are context entries key=value; got '{arg}'.");
        return 2;
    }

    context[arg[..eq]] = arg[(eq + 1)..];
}

var app = new App(new AppProps
{
    // The CDK CLI says where to write; on its own the app writes ./cdk.out.
    Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? Path.GetFullPath("cdk.out"),
    Context = context,
    AnalyticsReporting = false,
});

var props = StackSettings.FromContext(app);
if (props.SenderAssetPath is null)
{
    var root = SenderPublisher.FindRepositoryRoot(Directory.GetCurrentDirectory());
    var work = Path.Combine(root, "artifacts", "cdk-sender");
    Console.Error.WriteLine("Publishing the sender function (dotnet publish -c Release) ...");
    props.SenderAssetPath = SenderPublisher.Publish(root, Path.Combine(work, "publish"), Path.Combine(work, "build"));
}

_ = new CognitoStack(app, "ExanubesCognito", props);
app.Synth();
return 0;
