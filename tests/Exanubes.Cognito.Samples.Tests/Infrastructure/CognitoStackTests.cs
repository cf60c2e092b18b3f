using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Exanubes.Cognito.Sample.Infrastructure;
using static Exanubes.Cognito.Samples.Tests.Infrastructure.SynthesizedStack;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>Every resource and property issue 6 lists, asserted on the synthesized template.</summary>
[Collection(CdkCollection.Name)]
public sealed class CognitoStackTests(CognitoStackFixture fixture)
{
    private readonly SynthesizedStack _stack = fixture.Default;

    [Fact]
    public void Key_Default_IsSymmetricRotatedAndAliased()
    {
        _stack.Template.ResourceCountIs("AWS::KMS::Key", 1);
        _stack.Template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object>
        {
            ["KeySpec"] = "SYMMETRIC_DEFAULT",
            ["KeyUsage"] = "ENCRYPT_DECRYPT",
            ["EnableKeyRotation"] = true,
        });
        _stack.Template.HasResourceProperties("AWS::KMS::Alias", Match.ObjectEquals(new Dictionary<string, object>
        {
            ["AliasName"] = "alias/exanubes-cognito/custom-sender",
            ["TargetKeyId"] = Att(_stack.KeyId, "Arn"),
        }));
    }

    [Fact]
    public void UserPool_Default_SelfSignUpWithUsernameAndEmail()
    {
        _stack.Template.ResourceCountIs("AWS::Cognito::UserPool", 1);
        _stack.Template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            ["UserPoolName"] = "exanubes-cognito",
            ["AdminCreateUserConfig"] = new Dictionary<string, object> { ["AllowAdminCreateUserOnly"] = false },
            // Username sign-in is inherent; email is an alias (UsernameAttributes would make email the username).
            ["AliasAttributes"] = Match.ArrayEquals(new object[] { "email" }),
            ["UsernameAttributes"] = Match.Absent(),
            ["UsernameConfiguration"] = new Dictionary<string, object> { ["CaseSensitive"] = false },
            ["AutoVerifiedAttributes"] = Match.ArrayEquals(new object[] { "email" }),
            ["Schema"] = Match.ArrayEquals(new object[]
            {
                new Dictionary<string, object> { ["Name"] = "email", ["Required"] = true, ["Mutable"] = false },
            }),
            ["AccountRecoverySetting"] = new Dictionary<string, object>
            {
                ["RecoveryMechanisms"] = Match.ArrayEquals(new object[]
                {
                    new Dictionary<string, object> { ["Name"] = "verified_email", ["Priority"] = 1 },
                }),
            },
            ["Policies"] = new Dictionary<string, object>
            {
                ["PasswordPolicy"] = Match.ObjectEquals(new Dictionary<string, object>
                {
                    ["MinimumLength"] = 12,
                    ["RequireLowercase"] = true,
                    ["RequireUppercase"] = true,
                    ["RequireNumbers"] = true,
                    ["RequireSymbols"] = false,
                    ["TemporaryPasswordValidityDays"] = 3,
                }),
            },
        });
    }

    [Fact]
    public void UserPool_Default_CustomEmailSenderTriggerUsesKeyArnAndV1()
    {
        _stack.Template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            // ObjectEquals: no other trigger is configured.
            ["LambdaConfig"] = Match.ObjectEquals(new Dictionary<string, object>
            {
                ["CustomEmailSender"] = new Dictionary<string, object>
                {
                    ["LambdaArn"] = Att(_stack.FunctionId, "Arn"),
                    ["LambdaVersion"] = "V1_0",
                },
                ["KMSKeyID"] = Att(_stack.KeyId, "Arn"),
            }),
        });
    }

    [Fact]
    public void Removal_Production_RetainsPoolKeyAndLogsWithDeletionProtection()
    {
        foreach (var type in new[] { "AWS::Cognito::UserPool", "AWS::KMS::Key", "AWS::Logs::LogGroup" })
        {
            _stack.Template.HasResource(type, new Dictionary<string, object>
            {
                ["DeletionPolicy"] = "Retain",
                ["UpdateReplacePolicy"] = "Retain",
            });
        }

        _stack.Template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            ["DeletionProtection"] = "ACTIVE",
        });
        _stack.Template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["PendingWindowInDays"] = 30 });
    }

    [Fact]
    public void Removal_Development_DestroysEverythingWithoutDeletionProtection()
    {
        var props = fixture.DefaultProps();
        props.IsDevelopment = true;
        var dev = Synthesize(props);

        foreach (var type in new[] { "AWS::Cognito::UserPool", "AWS::KMS::Key", "AWS::Logs::LogGroup" })
        {
            dev.Template.HasResource(type, new Dictionary<string, object>
            {
                ["DeletionPolicy"] = "Delete",
                ["UpdateReplacePolicy"] = "Delete",
            });
        }

        var pool = dev.Single("AWS::Cognito::UserPool");
        Assert.NotEqual("ACTIVE", (string?)pool["Properties"]!["DeletionProtection"]);
        dev.Template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["PendingWindowInDays"] = 7 });
    }

    [Fact]
    public void Client_Default_PublicClientWithPasswordSrpRefreshAndSeedValidity()
    {
        _stack.Template.ResourceCountIs("AWS::Cognito::UserPoolClient", 1);
        _stack.Template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["ClientName"] = "exanubes-cognito-web",
            ["UserPoolId"] = Reference(_stack.PoolId),
            ["ExplicitAuthFlows"] = Match.ArrayEquals(new object[]
            {
                "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
            }),
            ["AccessTokenValidity"] = 1440,
            ["IdTokenValidity"] = 1440,
            ["RefreshTokenValidity"] = 43200,
            ["TokenValidityUnits"] = Match.ObjectEquals(new Dictionary<string, object>
            {
                ["AccessToken"] = "minutes",
                ["IdToken"] = "minutes",
                ["RefreshToken"] = "minutes",
            }),
            ["PreventUserExistenceErrors"] = "ENABLED",
            ["GenerateSecret"] = false,
            ["AllowedOAuthFlowsUserPoolClient"] = false,
            ["AllowedOAuthFlows"] = Match.Absent(),
            ["CallbackURLs"] = Match.Absent(),
        });
    }

    [Fact]
    public void Client_GenerateSecret_HasSecretThatIsNeverAnOutput()
    {
        var props = fixture.DefaultProps();
        props.GenerateSecret = true;
        var secret = Synthesize(props);

        secret.Template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["GenerateSecret"] = true,
        });
        Assert.DoesNotContain("ClientSecret", secret.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Custom::DescribeCognitoUserPoolClient", secret.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_Default_ManagedDotnet10WithClassLibraryHandlerMemoryAndTimeout()
    {
        _stack.Template.ResourceCountIs("AWS::Lambda::Function", 1);
        _stack.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Handler"] = "Exanubes.Cognito.Sample.EmailSender::Exanubes.Cognito.Sample.EmailSender.Function::HandleAsync",
            ["Architectures"] = Match.ArrayEquals(new object[] { "arm64" }),
            ["MemorySize"] = 512,
            ["Timeout"] = 30,
            ["Role"] = Att(_stack.RoleId, "Arn"),
            ["LoggingConfig"] = new Dictionary<string, object> { ["LogGroup"] = Reference(_stack.LogGroupId) },
        });
        _stack.Template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 30 });
    }

    [Fact]
    public void Sender_Default_EnvironmentFollowsTheSenderContract()
    {
        _stack.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectEquals(new Dictionary<string, object>
                {
                    ["EmailSender__KmsKeyArn"] = Att(_stack.KeyId, "Arn"),
                    ["EmailSender__AppUrl"] = "https://localhost:5001",
                    ["EmailSender__FromAddress"] = "no-reply@example.com",
                    ["EmailSender__FromName"] = "Exanubes",
                    ["Mailer__Kind"] = "SendGrid",
                    ["SendGrid__ApiKeyParameterName"] = "/exanubes-cognito/sendgrid-api-key",
                }),
            },
        });
    }

    [Fact]
    public void Sender_SmtpMailer_EnvironmentCarriesRelayAndNoSsmGrant()
    {
        var props = fixture.DefaultProps();
        props.Mailer = MailerKind.Smtp;
        props.SmtpHost = "smtp.relay.internal";
        props.SmtpPort = 2525;
        props.SmtpTls = SmtpTlsMode.None;
        props.FromAddress = "auth@example.org";
        props.FromName = "Example";
        props.AppUrl = "https://app.example.org";
        var smtp = Synthesize(props);

        smtp.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectEquals(new Dictionary<string, object>
                {
                    ["EmailSender__KmsKeyArn"] = Att(smtp.KeyId, "Arn"),
                    ["EmailSender__AppUrl"] = "https://app.example.org",
                    ["EmailSender__FromAddress"] = "auth@example.org",
                    ["EmailSender__FromName"] = "Example",
                    ["Mailer__Kind"] = "Smtp",
                    ["Smtp__Host"] = "smtp.relay.internal",
                    ["Smtp__Port"] = "2525",
                    ["Smtp__UseTls"] = "None",
                }),
            },
        });
        Assert.DoesNotContain("ssm:", smtp.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_Default_PoolIdAbsentSoTheTemplateHasNoCycle()
    {
        var function = _stack.Single("AWS::Lambda::Function");
        // The pool references the function (trigger); the function must not reference the pool back.
        Assert.DoesNotContain(_stack.PoolId, function.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(function["Properties"]!["Environment"]!["Variables"]!["EmailSender__UserPoolId"]);
        Assert.Contains(_stack.FunctionId, _stack.Single("AWS::Cognito::UserPool").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_PoolIdReferencedInSenderEnvironment_WouldBeACycle()
    {
        // Why the stack leaves EmailSender__UserPoolId out: referencing the pool from the function closes a loop
        // (pool -> function ARN via the trigger, function -> pool id) that CloudFormation refuses to deploy.
        // The default template loaded into Template without this error (the fixture), so it has no cycle.
        var error = Assert.ThrowsAny<Exception>(() => Synthesize(
            fixture.DefaultProps(),
            stack => stack.Sender.AddEnvironment("EmailSender__UserPoolId", stack.UserPool.UserPoolId)));

        Assert.Contains("dependency cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains(_stack.PoolId, error.Message, StringComparison.Ordinal);
        Assert.Contains(_stack.FunctionId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Default_HasExactlyTheDesignedResources()
    {
        var types = _stack.Resources.Select(r => (string)r.Value!["Type"]!).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::IAM::Policy", "AWS::IAM::Role",
                "AWS::KMS::Alias", "AWS::KMS::Key", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::Function",
                "AWS::Lambda::Permission", "AWS::Logs::LogGroup",
            ],
            types);
    }

    [Fact]
    public void Sender_PinnedPoolId_EnvironmentCarriesTheLiteral()
    {
        var props = fixture.DefaultProps();
        props.ExpectedUserPoolId = "eu-west-1_AbCdEf123";
        var pinned = Synthesize(props);

        var variables = pinned.Single("AWS::Lambda::Function")["Properties"]!["Environment"]!["Variables"]!;
        Assert.Equal("eu-west-1_AbCdEf123", (string?)variables["EmailSender__UserPoolId"]);
    }

    [Fact]
    public void Sender_Default_AssetIsThePublishedSenderProject()
    {
        var code = _stack.Single("AWS::Lambda::Function")["Properties"]!["Code"]!;
        Assert.EndsWith(".zip", (string?)code["S3Key"], StringComparison.Ordinal);
        Assert.Contains("Exanubes.Cognito.Sample.EmailSender.dll", _stack.AssetFiles);
        Assert.Contains("Exanubes.Cognito.Sample.EmailSender.deps.json", _stack.AssetFiles);
        Assert.Contains("Exanubes.Cognito.Sample.EmailSender.runtimeconfig.json", _stack.AssetFiles);
        Assert.Contains("Exanubes.Cognito.EmailSender.dll", _stack.AssetFiles);

        var runtimeConfig = JsonNode.Parse(File.ReadAllText(
            Path.Combine(fixture.SenderAssetPath, "Exanubes.Cognito.Sample.EmailSender.runtimeconfig.json")))!;
        Assert.Equal("net10.0", (string?)runtimeConfig["runtimeOptions"]!["tfm"]);
    }

    [Fact]
    public void AsyncInvokeConfig_Default_TwoRetriesWithinOneHour()
    {
        _stack.Template.ResourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        _stack.Template.HasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.ObjectEquals(new Dictionary<string, object>
        {
            ["FunctionName"] = Reference(_stack.FunctionId),
            ["Qualifier"] = "$LATEST",
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = 3600,
        }));
    }

    [Fact]
    public void InvokePermission_Default_ScopedToPoolArnAndAccount()
    {
        _stack.Template.ResourceCountIs("AWS::Lambda::Permission", 1);
        _stack.Template.HasResourceProperties("AWS::Lambda::Permission", Match.ObjectEquals(new Dictionary<string, object>
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = Att(_stack.FunctionId, "Arn"),
            ["Principal"] = "cognito-idp.amazonaws.com",
            ["SourceArn"] = Att(_stack.PoolId, "Arn"),
            ["SourceAccount"] = new Dictionary<string, object> { ["Ref"] = "AWS::AccountId" },
        }));
    }

    [Fact]
    public void Outputs_Default_AreWhatAddCognitoAuthNeeds()
    {
        _stack.Template.HasOutput("UserPoolId", new Dictionary<string, object>
        {
            ["Value"] = Reference(_stack.PoolId),
            ["Description"] = "Cognito:UserPoolId",
        });
        _stack.Template.HasOutput("UserPoolClientId", new Dictionary<string, object>
        {
            ["Value"] = Reference(_stack.ClientId),
            ["Description"] = "Cognito:ClientId",
        });
        _stack.Template.HasOutput("Region", new Dictionary<string, object>
        {
            ["Value"] = new Dictionary<string, object> { ["Ref"] = "AWS::Region" },
            ["Description"] = "Cognito:Region",
        });
        _stack.Template.HasOutput("CustomSenderKeyArn", new Dictionary<string, object>
        {
            ["Value"] = Att(_stack.KeyId, "Arn"),
        });
        Assert.Equal(4, _stack.Root["Outputs"]!.AsObject().Count);
    }

    [Fact]
    public void UserPool_EmailOnlySignIn_EmailBecomesTheUsername()
    {
        var props = fixture.DefaultProps();
        props.SignInWithUsername = false;
        var emailOnly = Synthesize(props);

        emailOnly.Template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            ["UsernameAttributes"] = Match.ArrayEquals(new object[] { "email" }),
            ["AliasAttributes"] = Match.Absent(),
        });
    }

    [Theory]
    [InlineData("Smtp", null, "SmtpHost is required")]
    [InlineData("SendGrid", "not a name", "SendGridApiKeyParameterName must be an SSM parameter name")]
    public void Constructor_IncompleteMailerSettings_ThrowsNamingTheSetting(string mailer, string? value, string expected)
    {
        var props = fixture.DefaultProps();
        props.Mailer = Enum.Parse<MailerKind>(mailer);
        if (value is not null)
        {
            props.SendGridApiKeyParameterName = value;
        }

        var error = Assert.Throws<ArgumentException>(() => Synthesize(props));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my pool")]
    [InlineData("pool/with/slash")]
    [InlineData("")]
    public void Constructor_PoolNameUnfitForKeyAlias_ThrowsNamingTheSetting(string name)
    {
        var props = fixture.DefaultProps();
        props.UserPoolName = name;

        var error = Assert.Throws<ArgumentException>(() => Synthesize(props));
        Assert.Contains("UserPoolName must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingAsset_ThrowsNamingTheSetting()
    {
        var props = fixture.DefaultProps();
        props.SenderAssetPath = Path.Combine(Path.GetTempPath(), "no-such-sender-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<ArgumentException>(() => Synthesize(props));
        Assert.Contains("SenderAssetPath", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Att(string id, string attribute) =>
        new() { ["Fn::GetAtt"] = new object[] { id, attribute } };

    private static Dictionary<string, object> Reference(string id) => new() { ["Ref"] = id };
}
