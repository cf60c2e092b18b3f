using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Lambda.Tests.Triggers;

public class CognitoTriggerFunctionTests
{
    [Fact]
    public async Task HandleAsync_PreSignUpAutoConfirm_WritesTheDocumentedResponse()
    {
        var output = await TriggerFixtures.RunAsync(new AutoConfirm(), TriggerFixtures.Bytes("PreSignUp_SignUp"));

        var response = output["response"]!;
        Assert.True(response["autoConfirmUser"]!.GetValue<bool>());
        Assert.True(response["autoVerifyEmail"]!.GetValue<bool>());
        Assert.False(response["autoVerifyPhone"]!.GetValue<bool>());
        Assert.Equal("PreSignUp_SignUp", output["triggerSource"]!.GetValue<string>());
        Assert.Equal("jane.doe@example.com", output["request"]!["userAttributes"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public void Read_EveryDocumentedFixture_ParsesItsTriggerSpecificFields()
    {
        Assert.Equal("spring", new AutoConfirm().Read(TriggerFixtures.Bytes("PreSignUp_SignUp")).Request.ClientMetadata!["campaign"]);
        Assert.Equal("CONFIRMED", new Confirmed().Read(TriggerFixtures.Bytes("PostConfirmation_ConfirmSignUp")).Request.UserAttributes["cognito:user_status"]);
        Assert.False(new PreAuth().Read(TriggerFixtures.Bytes("PreAuthentication_Authentication")).Request.UserNotFound);
        Assert.True(new PostAuth().Read(TriggerFixtures.Bytes("PostAuthentication_Authentication")).Request.NewDeviceUsed);
        Assert.Equal("{####}", new Message().Read(TriggerFixtures.Bytes("CustomMessage_SignUp")).Request.CodeParameter);
        Assert.Equal("Legacy-Passw0rd!", new Migrate().Read(TriggerFixtures.Bytes("UserMigration_Authentication")).Request.Password);
        var define = new Define().Read(TriggerFixtures.Bytes("DefineAuthChallenge_Authentication"));
        Assert.Equal(["SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE"], define.Request.Session.Select(s => s.ChallengeName));
        Assert.False(define.Request.Session[2].ChallengeResult);
        Assert.Equal("CAPTCHA", define.Request.Session[2].ChallengeMetadata);
        Assert.Equal("CUSTOM_CHALLENGE", new Create().Read(TriggerFixtures.Bytes("CreateAuthChallenge_Authentication")).Request.ChallengeName);
        Assert.Equal("5", new Verify().Read(TriggerFixtures.Bytes("VerifyAuthChallengeResponse_Authentication")).Request.PrivateChallengeParameters!["answer"]);
    }

    [Fact]
    public async Task HandleAsync_UserMigration_WritesTheUserAndStatus()
    {
        var output = await TriggerFixtures.RunAsync(new Migrate(), TriggerFixtures.Bytes("UserMigration_Authentication"));

        var response = output["response"]!;
        Assert.Equal("legacy@example.com", response["userAttributes"]!["email"]!.GetValue<string>());
        Assert.Equal("CONFIRMED", response["finalUserStatus"]!.GetValue<string>());
        Assert.Equal("SUPPRESS", response["messageAction"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_CustomAuthChallengeRounds_WriteTheDocumentedResponses()
    {
        var define = (await TriggerFixtures.RunAsync(new Define(), TriggerFixtures.Bytes("DefineAuthChallenge_Authentication")))["response"]!;
        var create = (await TriggerFixtures.RunAsync(new Create(), TriggerFixtures.Bytes("CreateAuthChallenge_Authentication")))["response"]!;
        var verify = (await TriggerFixtures.RunAsync(new Verify(), TriggerFixtures.Bytes("VerifyAuthChallengeResponse_Authentication")))["response"]!;

        Assert.Equal("CUSTOM_CHALLENGE", define["challengeName"]!.GetValue<string>());
        Assert.False(define["issueTokens"]!.GetValue<bool>());
        Assert.Equal("2 + 3 = ?", create["publicChallengeParameters"]!["question"]!.GetValue<string>());
        Assert.Equal("5", create["privateChallengeParameters"]!["answer"]!.GetValue<string>());
        Assert.Equal("CAPTCHA", create["challengeMetadata"]!.GetValue<string>());
        Assert.True(verify["answerCorrect"]!.GetValue<bool>());
    }

    [Fact]
    public async Task HandleAsync_CustomMessage_KeepsThePlaceholder()
    {
        var output = await TriggerFixtures.RunAsync(new Message(), TriggerFixtures.Bytes("CustomMessage_SignUp"));

        Assert.Equal("Your code is {####}", output["response"]!["emailMessage"]!.GetValue<string>());
        Assert.Equal("Code: {####}", output["response"]!["smsMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleInvocationAsync_RuntimeApiPayload_AnswersWithTheEventAndResponse()
    {
        var invocation = new LambdaInvocation("req-1", DateTimeOffset.UtcNow.AddSeconds(5), null, null, TriggerFixtures.Bytes("PreSignUp_SignUp"));

        var answer = await new AutoConfirm().HandleInvocationAsync(invocation, default);

        Assert.True(JsonNode.Parse(answer.Span)!["response"]!["autoConfirmUser"]!.GetValue<bool>());
    }

    internal sealed class AutoConfirm : PreSignUpFunction
    {
        protected override ValueTask HandleAsync(PreSignUpEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.AutoConfirmUser = true;
            evt.Response.AutoVerifyEmail = evt.Request.UserAttributes.ContainsKey("email");
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Confirmed : PostConfirmationFunction
    {
        protected override ValueTask HandleAsync(PostConfirmationEvent evt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class PreAuth : PreAuthenticationFunction
    {
        protected override ValueTask HandleAsync(PreAuthenticationEvent evt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class PostAuth : PostAuthenticationFunction
    {
        protected override ValueTask HandleAsync(PostAuthenticationEvent evt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class Message : CustomMessageFunction
    {
        protected override ValueTask HandleAsync(CustomMessageEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.EmailSubject = "Welcome";
            evt.Response.EmailMessage = "Your code is " + evt.Request.CodeParameter;
            evt.Response.SmsMessage = "Code: " + evt.Request.CodeParameter;
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Migrate : UserMigrationFunction
    {
        protected override ValueTask HandleAsync(UserMigrationEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.UserAttributes = new() { ["email"] = "legacy@example.com", ["email_verified"] = "true" };
            evt.Response.FinalUserStatus = "CONFIRMED";
            evt.Response.MessageAction = "SUPPRESS";
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Define : DefineAuthChallengeFunction
    {
        protected override ValueTask HandleAsync(DefineAuthChallengeEvent evt, CancellationToken cancellationToken)
        {
            var last = evt.Request.Session[^1];
            evt.Response.IssueTokens = last.ChallengeName == "CUSTOM_CHALLENGE" && last.ChallengeResult;
            evt.Response.ChallengeName = evt.Response.IssueTokens ? null : "CUSTOM_CHALLENGE";
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Create : CreateAuthChallengeFunction
    {
        protected override ValueTask HandleAsync(CreateAuthChallengeEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.PublicChallengeParameters = new() { ["question"] = "2 + 3 = ?" };
            evt.Response.PrivateChallengeParameters = new() { ["answer"] = "5" };
            evt.Response.ChallengeMetadata = "CAPTCHA";
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Verify : VerifyAuthChallengeResponseFunction
    {
        protected override ValueTask HandleAsync(VerifyAuthChallengeResponseEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.AnswerCorrect = evt.Request.ChallengeAnswer == evt.Request.PrivateChallengeParameters?["answer"];
            return ValueTask.CompletedTask;
        }
    }
}
