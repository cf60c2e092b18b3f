using Amazon.CDK.Assertions;
using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.Samples.Tests.Aot;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>The stack with the Native AOT sender behind its flag: x86_64 with the binary built and tested here, arm64 synthesized.</summary>
[Collection(CdkCollection.Name)]
public sealed class CognitoStackNativeAotTests(AotSenderFixture aot) : IClassFixture<AotSenderFixture>
{
    [Theory]
    [InlineData(SenderArchitecture.X86_64, "x86_64")]
    [InlineData(SenderArchitecture.Arm64, "arm64")]
    public void Sender_NativeAot_ProvidedAl2023WithBootstrap(SenderArchitecture architecture, string expected)
    {
        var asset = Path.Combine(RepoPaths.Artifacts("cdk-aot-tests"), expected);
        Directory.CreateDirectory(asset);
        File.Copy(aot.AotBinary, Path.Combine(asset, "bootstrap"), overwrite: true);

        var stack = SynthesizedStack.Synthesize(new CognitoStackProps { SenderAssetPath = asset, SenderRuntime = SenderRuntime.NativeAot, SenderArchitecture = architecture });

        stack.Template.ResourceCountIs("AWS::Lambda::Function", 1);
        stack.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Handler"] = "bootstrap",
            ["Architectures"] = Match.ArrayEquals(new object[] { expected }),
            ["MemorySize"] = 512,
            ["Timeout"] = 30,
        });
        Assert.Contains("bootstrap", stack.AssetFiles);
        Assert.DoesNotContain("dotnet10", stack.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_NativeAotWithoutBootstrap_FailsNamingIt()
    {
        var empty = RepoPaths.Artifacts(Path.Combine("cdk-aot-tests", "empty"));

        var ex = Assert.Throws<ArgumentException>(() => SynthesizedStack.Synthesize(new CognitoStackProps { SenderAssetPath = empty, SenderRuntime = SenderRuntime.NativeAot }));

        Assert.Contains("bootstrap", ex.Message, StringComparison.Ordinal);
    }
}
