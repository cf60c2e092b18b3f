using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Exanubes.Cognito.Sample.Infrastructure;
using static Exanubes.Cognito.Samples.Tests.Infrastructure.SynthesizedStack;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// The stack's two flags (issue 15): the SMS sender, shaped like the email sender (same key, own role and log group,
/// invoke permission scoped to the pool and account), and the DynamoDB duplicate table with least-privilege grants.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class CognitoStackSmsTests(CognitoStackFixture fixture)
{
    [Fact]
    public void SmsSender_Default_IsAbsentAndSoIsTheTable()
    {
        Assert.DoesNotContain("CustomSMSSender", fixture.Default.Json, StringComparison.Ordinal);
        Assert.Empty(fixture.Default.OfType("AWS::DynamoDB::Table"));
        Assert.DoesNotContain("sns:Publish", fixture.Default.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void SmsSender_Flag_TriggerUsesTheSameKeyAndTheSmsFunction()
    {
        var stack = WithSms();
        var pool = stack.Single("AWS::Cognito::UserPool");
        var lambdaConfig = pool["Properties"]!["LambdaConfig"]!;
        var smsFunction = SmsFunctionId(stack);

        Assert.Equal(GetAtt(stack.KeyId, "Arn").ToJsonString(), lambdaConfig["KMSKeyID"]!.ToJsonString());
        Assert.Equal(GetAtt(smsFunction, "Arn").ToJsonString(), lambdaConfig["CustomSMSSender"]!["LambdaArn"]!.ToJsonString());
        Assert.Equal("V1_0", (string?)lambdaConfig["CustomSMSSender"]!["LambdaVersion"]);
        Assert.Equal(GetAtt(stack.FunctionId, "Arn").ToJsonString(), lambdaConfig["CustomEmailSender"]!["LambdaArn"]!.ToJsonString());
    }

    [Fact]
    public void SmsSender_Flag_FunctionIsManagedWithItsHandlerEnvironmentAndAsset()
    {
        var stack = WithSms();

        stack.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = CognitoStack.SmsSenderHandler,
            ["Runtime"] = "dotnet10",
            ["MemorySize"] = 512,
            ["Timeout"] = 30,
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectEquals(new Dictionary<string, object>
                {
                    ["SmsSender__KmsKeyArn"] = Att(stack.KeyId, "Arn"),
                    ["SmsSender__AppUrl"] = "https://localhost:5001",
                    ["SmsProvider__Kind"] = "Sns",
                    ["Sns__SmsType"] = "Transactional",
                }),
            },
        });
        Assert.True(File.Exists(Path.Combine(fixture.SmsSenderAssetPath, "Exanubes.Cognito.Sample.SmsSender.dll")));
        Assert.Equal(2, stack.OfType("AWS::Lambda::EventInvokeConfig").Count(c => (int?)c.Value["Properties"]!["MaximumRetryAttempts"] == 2));
    }

    [Fact]
    public void SmsSender_Flag_RoleMayDecryptWithTheKeyPublishSmsAndWriteOnlyItsLogs()
    {
        var stack = WithSms();
        var statements = PolicyStatements(stack, RoleOf(stack, SmsFunctionId(stack)));

        var decrypt = Assert.Single(statements, s => Actions(s).Contains("kms:Decrypt"));
        Assert.Equal(["kms:Decrypt"], Actions(decrypt));
        Assert.Equal(GetAtt(stack.KeyId, "Arn").ToJsonString(), decrypt["Resource"]!.ToJsonString());
        var publish = Assert.Single(statements, s => (string?)s["Effect"] == "Allow" && Actions(s).Contains("sns:Publish"));
        Assert.Equal(["sns:Publish"], Actions(publish));
        var deny = Assert.Single(statements, s => (string?)s["Effect"] == "Deny");
        Assert.Equal(["sns:Publish"], Actions(deny));
        Assert.Contains(":sns:*:*:*", deny["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        var logs = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("logs:", StringComparison.Ordinal)));
        Assert.Contains("SmsSenderLogs", logs["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal) || a.StartsWith("ssm:", StringComparison.Ordinal)));
    }

    [Fact]
    public void SmsSender_Flag_BothInvokePermissionsAreScopedToThePoolAndAccount()
    {
        var stack = WithSms();
        var permissions = stack.OfType("AWS::Lambda::Permission").Select(p => p.Value["Properties"]!).ToList();

        Assert.Equal(2, permissions.Count);
        Assert.All(permissions, p =>
        {
            Assert.Equal("cognito-idp.amazonaws.com", (string?)p["Principal"]);
            Assert.Equal(GetAtt(stack.PoolId, "Arn").ToJsonString(), p["SourceArn"]!.ToJsonString());
            Assert.Equal(Ref("AWS::AccountId").ToJsonString(), p["SourceAccount"]!.ToJsonString());
        });
        Assert.Equal(
            new[] { GetAtt(stack.FunctionId, "Arn").ToJsonString(), GetAtt(SmsFunctionId(stack), "Arn").ToJsonString() }.Order(StringComparer.Ordinal),
            permissions.Select(p => p["FunctionName"]!.ToJsonString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SmsSender_FlagWithoutAsset_FailsNamingTheSetting()
    {
        var props = fixture.DefaultProps();
        props.SmsSender = true;

        var ex = Assert.Throws<ArgumentException>(() => Synthesize(props));

        Assert.Contains("SmsSenderAssetPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdempotencyTable_Flag_KeyIdTtlOnDemand()
    {
        var props = fixture.DefaultProps();
        props.IdempotencyTable = true;
        var stack = Synthesize(props);

        var table = stack.Single("AWS::DynamoDB::Table")["Properties"]!;
        Assert.Equal("""[{"AttributeName":"id","KeyType":"HASH"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"id","AttributeType":"S"}]""", table["AttributeDefinitions"]!.ToJsonString());
        Assert.Equal("""{"AttributeName":"expiresAt","Enabled":true}""", table["TimeToLiveSpecification"]!.ToJsonString());
        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
    }

    [Fact]
    public void IdempotencyTable_FlagWithSms_EachSenderGetsExactlyPutGetDeleteOnThatTableAndItsName()
    {
        var stack = WithSms(idempotency: true);
        var tableId = Assert.Single(stack.OfType("AWS::DynamoDB::Table")).Key;

        foreach (var function in new[] { stack.FunctionId, SmsFunctionId(stack) })
        {
            var statements = PolicyStatements(stack, RoleOf(stack, function));
            var dynamo = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)));
            Assert.Equal(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"], Actions(dynamo).Order(StringComparer.Ordinal));
            Assert.Equal(GetAtt(tableId, "Arn").ToJsonString(), dynamo["Resource"]!.ToJsonString());
            var env = stack.Resources[function]!["Properties"]!["Environment"]!["Variables"]!;
            Assert.Equal(Ref(tableId).ToJsonString(), env["Idempotency__TableName"]!.ToJsonString());
        }

        Assert.DoesNotContain("dynamodb:*", stack.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamodb:Scan", stack.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_FromContext_AreRead()
    {
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps
        {
            Context = new Dictionary<string, object> { ["smsSender"] = "true", ["idempotencyTable"] = "true", ["smsSenderAssetPath"] = "/tmp/sms" },
        });

        var props = StackSettings.FromContext(app);

        Assert.True(props.SmsSender);
        Assert.True(props.IdempotencyTable);
        Assert.Equal("/tmp/sms", props.SmsSenderAssetPath);
    }

    private SynthesizedStack WithSms(bool idempotency = false)
    {
        var props = fixture.DefaultProps();
        props.SmsSender = true;
        props.SmsSenderAssetPath = fixture.SmsSenderAssetPath;
        props.IdempotencyTable = idempotency;
        return Synthesize(props);
    }

    private static Dictionary<string, object> Att(string id, string attribute) =>
        new() { ["Fn::GetAtt"] = new object[] { id, attribute } };

    private static string SmsFunctionId(SynthesizedStack stack)
        => Assert.Single(stack.OfType("AWS::Lambda::Function"), f => (string?)f.Value["Properties"]!["Handler"] == CognitoStack.SmsSenderHandler).Key;

    private static string RoleOf(SynthesizedStack stack, string functionId)
        => (string)stack.Resources[functionId]!["Properties"]!["Role"]!["Fn::GetAtt"]![0]!;

    /// <summary>Every statement of the IAM policies attached to the role.</summary>
    private static List<JsonObject> PolicyStatements(SynthesizedStack stack, string roleId)
        => [.. stack.OfType("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => r!["Ref"]?.GetValue<string>() == roleId))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];

    private static List<string> Actions(JsonObject statement)
        => statement["Action"] is JsonArray array ? [.. array.Select(a => (string)a!)] : [(string)statement["Action"]!];
}
