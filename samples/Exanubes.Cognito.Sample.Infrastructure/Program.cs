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
    if (props.SenderRuntime == SenderRuntime.NativeAot)
    {
        // Native AOT builds for the machine's own architecture only (no cross linker): x86_64 here, arm64 on arm64.
        var rid = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        if ((rid == "linux-arm64") != (props.SenderArchitecture == SenderArchitecture.Arm64))
        {
            Console.Error.WriteLine($"senderRuntime=aot builds {rid} on this machine, but senderArchitecture is {props.SenderArchitecture}; build on that architecture and pass senderAssetPath, or choose the matching senderArchitecture.");
            return 2;
        }

        Console.Error.WriteLine($"Publishing the sender as Native AOT ({rid}) ...");
        props.SenderAssetPath = SenderPublisher.PublishNativeAot(root, Path.Combine(work, "publish-aot"), Path.Combine(work, "build-aot"), rid);
    }
    else
    {
        Console.Error.WriteLine("Publishing the sender function (dotnet publish -c Release) ...");
        props.SenderAssetPath = SenderPublisher.Publish(root, Path.Combine(work, "publish"), Path.Combine(work, "build"));
    }
}

if (props.SmsSender && props.SmsSenderAssetPath is null)
{
    var root = SenderPublisher.FindRepositoryRoot(Directory.GetCurrentDirectory());
    var work = Path.Combine(root, "artifacts", "cdk-sms-sender");
    Console.Error.WriteLine("Publishing the SMS sender function (dotnet publish -c Release) ...");
    props.SmsSenderAssetPath = SenderPublisher.PublishSmsSender(root, Path.Combine(work, "publish"), Path.Combine(work, "build"));
}

_ = new CognitoStack(app, "ExanubesCognito", props);
app.Synth();
return 0;
