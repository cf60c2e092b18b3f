using System.Text.Json.Nodes;
using Amazon.CDK;
using Exanubes.Cognito.Sample.Infrastructure;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>Least privilege for the sender's role and no secret anywhere in the template.</summary>
[Collection(CdkCollection.Name)]
public sealed class CognitoStackSecurityTests(CognitoStackFixture fixture)
{
    private readonly SynthesizedStack _stack = fixture.Default;

    [Fact]
    public void SenderRole_Default_HasExactlyLogsKmsDecryptAndOneSsmParameter()
    {
        var statements = RoleStatements(_stack);

        Assert.Collection(
            statements,
            s => AssertStatement(s, ["logs:CreateLogStream", "logs:PutLogEvents"], GetAtt(_stack.LogGroupId, "Arn")),
            s => AssertStatement(s, ["kms:Decrypt"], GetAtt(_stack.KeyId, "Arn")),
            s =>
            {
                AssertStatement(s, ["ssm:GetParameter"], null);
                var arn = s["Resource"]!.ToJsonString();
                Assert.Contains(":ssm:", arn, StringComparison.Ordinal);
                Assert.Contains(":parameter/exanubes-cognito/sendgrid-api-key\"", arn, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void SenderRole_Default_NoWildcardActionOrResourceAndNoManagedPolicy()
    {
        foreach (var statement in RoleStatements(_stack))
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            foreach (var action in Actions(statement))
            {
                Assert.DoesNotContain("*", action, StringComparison.Ordinal);
            }

            Assert.NotEqual("*", statement["Resource"] is JsonValue v ? (string?)v : null);
            Assert.DoesNotContain("\"*\"", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
            if (Actions(statement).Any(a => a.StartsWith("kms:", StringComparison.Ordinal)))
            {
                Assert.Equal(["kms:Decrypt"], Actions(statement));
                Assert.True(JsonNode.DeepEquals(GetAtt(_stack.KeyId, "Arn"), statement["Resource"]));
            }
        }

        var role = _stack.Single("AWS::IAM::Role")["Properties"]!;
        Assert.Null(role["ManagedPolicyArns"]);
        Assert.Null(role["Policies"]);
        Assert.Equal(
            """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"}""",
            role["AssumeRolePolicyDocument"]!.ToJsonString());
    }

    [Fact]
    public void KeyPolicy_Default_OnlyTheAccountDelegatesToIam()
    {
        // The key policy is CDK's default: the account root may administer the key, which delegates use to IAM
        // policies (the sender's kms:Decrypt above). No service or role gets key access directly.
        var statements = _stack.Single("AWS::KMS::Key")["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();
        var only = Assert.Single(statements)!;
        Assert.Contains(":root", only["Principal"]!["AWS"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(only["Principal"]!["Service"]);
    }

    [Fact]
    public void SsmGrant_NameWithoutLeadingSlash_ArnNamesExactlyThatParameter()
    {
        var props = fixture.DefaultProps();
        props.SendGridApiKeyParameterName = "prod.sendgrid-key";
        var stack = SynthesizedStack.Synthesize(props);

        var ssm = Assert.Single(RoleStatements(stack), s => Actions(s).Contains("ssm:GetParameter"));
        Assert.EndsWith(":parameter/prod.sendgrid-key\"]]}", ssm["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SenderEnvironment_Default_HasNoSecretVariable()
    {
        // The canary planted in the synthesizing process's environment is checked in ProgramTests.
        var variables = _stack.Single("AWS::Lambda::Function")["Properties"]!["Environment"]!["Variables"]!.AsObject();
        Assert.DoesNotContain(variables, v => v.Key.Contains("Password", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(variables, v => v.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("sendGridApiKey")]
    [InlineData("smtpPassword")]
    [InlineData("smtpUserName")]
    public void FromContext_SecretPassedAsContext_RefusedWithoutEchoingIt(string key)
    {
        var app = new App(new AppProps
        {
            AnalyticsReporting = false,
            Context = new Dictionary<string, object> { [key] = CognitoStackFixture.Canary },
        });

        var error = Assert.Throws<ArgumentException>(() => StackSettings.FromContext(app));
        Assert.Contains($"'{key}' is refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CognitoStackFixture.Canary, error.Message, StringComparison.Ordinal);
    }

    private static List<JsonObject> RoleStatements(SynthesizedStack stack)
    {
        var policy = Assert.Single(stack.OfType("AWS::IAM::Policy")).Value["Properties"]!;
        Assert.Equal(SynthesizedStack.Ref(stack.RoleId).ToJsonString(), Assert.Single(policy["Roles"]!.AsArray())!.ToJsonString());
        return policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
    }

    private static List<string> Actions(JsonObject statement) =>
        statement["Action"] switch
        {
            JsonArray many => many.Select(a => (string)a!).ToList(),
            var one => [(string)one!],
        };

    private static void AssertStatement(JsonObject statement, string[] actions, JsonNode? resource)
    {
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal(actions, Actions(statement));
        Assert.Null(statement["Condition"]);
        if (resource is not null)
        {
            Assert.True(
                JsonNode.DeepEquals(resource, statement["Resource"]),
                $"Expected resource {resource.ToJsonString()}, got {statement["Resource"]?.ToJsonString()}.");
        }
    }

    private static JsonNode GetAtt(string id, string attribute) => SynthesizedStack.GetAtt(id, attribute);
}
