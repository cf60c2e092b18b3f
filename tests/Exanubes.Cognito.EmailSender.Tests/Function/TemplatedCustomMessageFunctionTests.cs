using System.Text.Json.Nodes;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.EmailSender.Tests.Function;

/// <summary>
/// The custom message trigger renders with the sender's templates in placeholder mode. The events follow the custom
/// message page of the Cognito developer guide (documented shape, not a capture).
/// </summary>
public class TemplatedCustomMessageFunctionTests
{
    [Fact]
    public async Task HandleAsync_SignUp_LinkKeepsTheCodePlaceholderLiteral()
    {
        var response = await RunAsync(new Function(), Event("CustomMessage_SignUp", usernameParameter: null));

        var html = response["emailMessage"]!.GetValue<string>();
        Assert.Contains("href=\"https://app.example.com/verify?code={####}&amp;username=jane.doe\"", html, StringComparison.Ordinal);
        Assert.Contains(">{####}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%7B", html, StringComparison.Ordinal);
        Assert.Equal("Verify your email address", response["emailSubject"]!.GetValue<string>());
        Assert.Null(response["smsMessage"]);
    }

    [Fact]
    public async Task HandleAsync_AdminCreateUser_KeepsBothPlaceholders()
    {
        var response = await RunAsync(new Function(), Event("CustomMessage_AdminCreateUser", usernameParameter: "{username}"));

        var html = response["emailMessage"]!.GetValue<string>();
        Assert.Contains("<strong>{username}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(">{####}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RegisteredTemplate_IsUsed()
    {
        var response = await RunAsync(new GermanFunction(), Event("CustomMessage_ForgotPassword", usernameParameter: null, locale: "de-AT"));

        Assert.Equal("Passwort zurücksetzen", response["emailSubject"]!.GetValue<string>());
        Assert.Equal("<a href=\"https://app.example.com/reset-password?code={####}&amp;username=jane.doe\">{####}</a>", response["emailMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_TemplateWithoutTheCode_FailsTheInvocation()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(new NoCodeFunction(), Event("CustomMessage_SignUp", usernameParameter: null)));

        Assert.Contains("{####}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CustomMessage_SignUp", "CustomEmailSender_SignUp")]
    [InlineData("CustomMessage_Authentication", "CustomEmailSender_Authentication")]
    [InlineData("CustomMessage_VerifyUserAttribute", "CustomEmailSender_VerifyUserAttribute")]
    public void SenderSourceFor_MapsBySuffix(string source, string expected)
        => Assert.Equal(expected, TemplatedCustomMessageFunction.SenderSourceFor(source).Value);

    private static async Task<JsonNode> RunAsync(TemplatedCustomMessageFunction function, JsonObject evt)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(evt.ToJsonString()));
        await using var output = await function.HandleAsync(input);
        return JsonNode.Parse(output)!["response"]!;
    }

    private static JsonObject Event(string source, string? usernameParameter, string? locale = null) => new()
    {
        ["version"] = "1",
        ["triggerSource"] = source,
        ["region"] = "eu-west-1",
        ["userPoolId"] = "eu-west-1_TestPool1",
        ["userName"] = "jane.doe",
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = "client-1" },
        ["request"] = new JsonObject
        {
            ["userAttributes"] = new JsonObject { ["email"] = "jane.doe@example.com" },
            ["codeParameter"] = "{####}",
            ["linkParameter"] = "{##Click Here##}",
            ["usernameParameter"] = usernameParameter,
            ["clientMetadata"] = locale is null ? null : new JsonObject { ["locale"] = locale },
        },
        ["response"] = new JsonObject { ["smsMessage"] = null, ["emailMessage"] = null, ["emailSubject"] = null },
    };

    private static FixedEnvironmentVariables Environment() => new(new Dictionary<string, string?> { ["EmailSender__AppUrl"] = "https://app.example.com" });

    private class Function() : TemplatedCustomMessageFunction(Environment());

    private sealed class GermanFunction : Function
    {
        protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
            => services.AddEmailTemplate(new EmailTemplate
            {
                TriggerSource = CustomEmailSenderTriggerSource.ForgotPassword,
                Locale = "de",
                Subject = "Passwort zurücksetzen",
                HtmlBody = "<a href=\"{{ link | safe_url }}\">{{ code }}</a>",
                TextBody = "{{ code }}",
            });
    }

    private sealed class NoCodeFunction : Function
    {
        protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
            => services.AddEmailTemplate(new EmailTemplate { TriggerSource = CustomEmailSenderTriggerSource.SignUp, Subject = "s", HtmlBody = "no code here", TextBody = "x" });
    }
}
