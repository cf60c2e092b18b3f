using System.Text.Json.Nodes;
using static Exanubes.Cognito.Lambda.Tests.Triggers.CognitoTriggerFunctionTests;

namespace Exanubes.Cognito.Lambda.Tests.Triggers;

/// <summary>Unknown trigger sources and malformed events fail with <see cref="CognitoTriggerEventException"/> naming the field.</summary>
public class CognitoTriggerReaderTests
{
    [Theory]
    [InlineData("PreSignUp_SignUp", "PostConfirmation_ConfirmSignUp")]
    [InlineData("PreSignUp_SignUp", "CustomEmailSender_SignUp")]
    [InlineData("CustomMessage_SignUp", "CustomMessage_Unknown")]
    [InlineData("UserMigration_Authentication", "UserMigration_SignUp")]
    public void Read_TriggerSourceOfAnotherTrigger_NamesTriggerSource(string fixture, string source)
    {
        var node = TriggerFixtures.Node(fixture);
        node["triggerSource"] = source;

        var ex = Assert.Throws<CognitoTriggerEventException>(() => ReadWith(fixture, node));

        Assert.Equal("triggerSource", ex.Field);
        Assert.Contains($"'{source}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PreSignUp_SignUp", "request.userAttributes", "\"not a map\"")]
    [InlineData("PreSignUp_SignUp", "response.autoConfirmUser", "\"yes\"")]
    [InlineData("PostAuthentication_Authentication", "request.newDeviceUsed", "\"true\"")]
    [InlineData("DefineAuthChallenge_Authentication", "request.session", "{}")]
    [InlineData("VerifyAuthChallengeResponse_Authentication", "request.privateChallengeParameters", "[1]")]
    public void Read_FieldOfTheWrongType_NamesTheField(string fixture, string path, string json)
    {
        var node = TriggerFixtures.Node(fixture);
        var parts = path.Split('.');
        node[parts[0]]![parts[1]] = JsonNode.Parse(json);

        var ex = Assert.Throws<CognitoTriggerEventException>(() => ReadWith(fixture, node));

        Assert.StartsWith(path, ex.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PreSignUp_SignUp", "request", "request")]
    [InlineData("CustomMessage_SignUp", "request.codeParameter", "request.codeParameter")]
    [InlineData("CreateAuthChallenge_Authentication", "request.challengeName", "request.challengeName")]
    [InlineData("VerifyAuthChallengeResponse_Authentication", "request.challengeAnswer", "request.challengeAnswer")]
    [InlineData("UserMigration_Authentication", "request.password", "request.password")]
    [InlineData("UserMigration_Authentication", "userName", "userName")]
    [InlineData("PostConfirmation_ConfirmSignUp", "userPoolId", "userPoolId")]
    [InlineData("PreAuthentication_Authentication", "triggerSource", "triggerSource")]
    public void Read_MissingRequiredField_NamesIt(string fixture, string remove, string field)
    {
        var node = TriggerFixtures.Node(fixture);
        var parts = remove.Split('.');
        if (parts.Length == 1)
        {
            node.Remove(parts[0]);
        }
        else
        {
            node[parts[0]]!.AsObject().Remove(parts[1]);
        }

        var ex = Assert.Throws<CognitoTriggerEventException>(() => ReadWith(fixture, node));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Read_SessionEntryWithoutChallengeName_NamesTheIndex()
    {
        var node = TriggerFixtures.Node("DefineAuthChallenge_Authentication");
        node["request"]!["session"]![1]!.AsObject().Remove("challengeName");

        var ex = Assert.Throws<CognitoTriggerEventException>(() => new Define().Read(TriggerFixtures.ToBytes(node)));

        Assert.Equal("request.session[1].challengeName", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Read_NotAnEventObject_NamesTheWholeEvent(string json)
    {
        var ex = Assert.Throws<CognitoTriggerEventException>(() => new AutoConfirm().Read(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$", ex.Field);
    }

    [Fact]
    public async Task HandleAsync_MalformedEvent_FailsTheInvocation()
    {
        using var input = new MemoryStream("{\"triggerSource\":\"PreSignUp_SignUp\",\"userPoolId\":\"p\",\"request\":{\"userAttributes\":5}}"u8.ToArray());

        var ex = await Assert.ThrowsAsync<CognitoTriggerEventException>(() => new AutoConfirm().HandleAsync(input));

        Assert.Equal("request.userAttributes", ex.Field);
    }

    [Fact]
    public void Read_UserMigrationPassword_NeverReachesTheErrorMessage()
    {
        var node = TriggerFixtures.Node("UserMigration_Authentication");
        node["triggerSource"] = "Legacy-Passw0rd!";

        var ex = Assert.Throws<CognitoTriggerEventException>(() => new Migrate().Read(TriggerFixtures.ToBytes(node)));

        node = TriggerFixtures.Node("UserMigration_Authentication");
        node["request"]!["validationData"] = "x";
        var typeError = Assert.Throws<CognitoTriggerEventException>(() => new Migrate().Read(TriggerFixtures.ToBytes(node)));

        Assert.Equal("triggerSource", ex.Field);
        Assert.DoesNotContain("Legacy-Passw0rd!", typeError.ToString(), StringComparison.Ordinal);
    }

    private static CognitoTriggerEvent ReadWith(string fixture, JsonNode node)
    {
        var bytes = TriggerFixtures.ToBytes(node);
        return fixture switch
        {
            "PreSignUp_SignUp" => new AutoConfirm().Read(bytes),
            "PostConfirmation_ConfirmSignUp" => new Confirmed().Read(bytes),
            "PreAuthentication_Authentication" => new PreAuth().Read(bytes),
            "PostAuthentication_Authentication" => new PostAuth().Read(bytes),
            "CustomMessage_SignUp" => new Message().Read(bytes),
            "UserMigration_Authentication" => new Migrate().Read(bytes),
            "DefineAuthChallenge_Authentication" => new Define().Read(bytes),
            "CreateAuthChallenge_Authentication" => new Create().Read(bytes),
            "VerifyAuthChallengeResponse_Authentication" => new Verify().Read(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
    }
}
