using System.Web;
using Exanubes.Cognito.EmailSender;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The USER_AUTH EMAIL_OTP code travels as Cognito sends it, with no browser: <see cref="ICognitoPasswordless"/> starts
/// the sign-in → the local Cognito generates the code and invokes the CustomEmailSender trigger
/// (<c>CustomEmailSender_Authentication</c>) with the code encrypted by the AWS Encryption SDK through the KMS stand-in →
/// the Lambda host hands it to our <see cref="CustomEmailSenderFunction"/> through the Runtime API, which decrypts it and mails it over SMTP → maildev.
/// The code read there signs the user in. The client metadata given to USER_AUTH reaches the sender's template.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class EmailCodeLiveTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task SignIn_EmailOtp_CodeFromMaildevSignsInOnce()
    {
        await using var provider = Services();
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var cognito = provider.GetRequiredService<ICognitoAuthService>();
        var email = DemoStackFixture.NewEmail("otp-live");
        await SignUpConfirmedAsync(cognito, email);

        var step = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.EmailOtp })).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.EmailOtp, step.ChallengeName);
        Assert.Equal("EMAIL", step.CodeDelivery?.DeliveryMedium);
        Assert.StartsWith(email[0] + "***@", step.CodeDelivery?.Destination, StringComparison.Ordinal);

        var (mail, code) = await SignInCodeMail.WaitAsync(fixture.Inbox, email);
        Assert.Equal("no-reply@exanubes.local", mail["from"]![0]!["address"]!.GetValue<string>());
        Assert.Contains($">{code}</p>", mail["html"]!.GetValue<string>(), StringComparison.Ordinal); // the default template's code block

        var wrong = await cognito.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(code == "000000" ? "111111" : "000000"));
        Assert.Equal(CognitoErrorCode.CodeMismatch, wrong.Error?.Code);

        // A fresh start sends a fresh code (the first one is no longer the user's live code).
        var again = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.EmailOtp })).EnsureSuccess().NextStep!;
        var (_, fresh) = await SignInCodeMail.WaitAsync(fixture.Inbox, email, alreadySeen: 1);
        var signedIn = (await cognito.RespondToChallengeAsync(again, CognitoChallengeResponse.MfaCode(fresh))).EnsureSuccess();
        Assert.True(signedIn.IsSignedIn);
        Assert.Matches("^[0-9a-f-]{36}$", signedIn.Tokens!.Username); // the pool's username for this email

        var reused = await cognito.RespondToChallengeAsync(again, CognitoChallengeResponse.MfaCode(fresh));
        Assert.Equal(CognitoErrorCode.NotAuthorized, reused.Error?.Code);
        fixture.AssertLogsHoldNone(code, fresh);
        Assert.All(provider.GetFakeLogCollector().GetSnapshot(), r => Assert.DoesNotContain(fresh, r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_EmailOtpWithClientMetadata_MetadataReachesTheSendersTemplate()
    {
        await using var provider = Services();
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var cognito = provider.GetRequiredService<ICognitoAuthService>();
        var email = DemoStackFixture.NewEmail("otp-metadata");
        await SignUpConfirmedAsync(cognito, email);

        // The same host, port and environment, running (in this process, through the same Runtime API loop) a function
        // whose Authentication template shows client_metadata.app.
        var stack = fixture.Stack;
        await stack.LambdaHost.StopAsync();
        var previous = new Dictionary<string, string?>();
        var function = new LambdaFunction(stack.Options.EmailSenderFunctionName, (runtimeApi, _) =>
        {
            foreach (var (key, value) in EmailSenderProcess.Settings(stack, runtimeApi))
            {
                previous.TryAdd(key, Environment.GetEnvironmentVariable(key));
                Environment.SetEnvironmentVariable(key, value);
            }

            var stop = new CancellationTokenSource();
            var run = new MetadataTemplateFunction().RunAsync(stop.Token);
            return Task.FromResult(new LambdaEnvironment("in-process MetadataTemplateFunction", run.ContinueWith(t => t.IsFaulted ? 1 : 0, TaskScheduler.Default), async () =>
            {
                await stop.CancelAsync();
                await run.ContinueWith(_ => { }, TaskScheduler.Default);
                stop.Dispose();
            }));
        });
        var host = await LambdaHost.StartAsync(stack.LambdaHost.Port, [function], NullLoggerFactory.Instance, stack.Options.Region);
        try
        {
            var step = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email)
            {
                PreferredFirstFactor = CognitoFirstFactor.EmailOtp,
                ClientMetadata = new Dictionary<string, string> { ["app"] = "exanubes-live-test" },
            })).EnsureSuccess().NextStep!;
            var (mail, code) = await SignInCodeMail.WaitAsync(fixture.Inbox, email);
            Assert.Contains("Requested from exanubes-live-test.", mail["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True((await cognito.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(code))).EnsureSuccess().IsSignedIn);
        }
        finally
        {
            await host.DisposeAsync();
            foreach (var (key, value) in previous)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            await stack.LambdaHost.StartAsync();
        }
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fixture.Stack.DemoSettings()).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = true);
        services.AddCognitoAuth(configuration.GetSection("Cognito"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private async Task SignUpConfirmedAsync(ICognitoAuthService cognito, string email)
    {
        (await cognito.SignUpAsync(new CognitoSignUpRequest
        {
            Username = email,
            Password = DemoStackFixture.Password,
            Attributes = new Dictionary<string, string> { ["email"] = email },
        })).EnsureSuccess();
        var verify = await fixture.Inbox.WaitForLinkAsync(email, "/verify");
        var query = HttpUtility.ParseQueryString(verify.Query);
        (await cognito.ConfirmSignUpAsync(query["username"]!, query["code"]!)).EnsureSuccess();
    }

    /// <summary>The sample's SMTP set-up plus an Authentication template that reads the client metadata.</summary>
    private sealed class MetadataTemplateFunction : CustomEmailSenderFunction
    {
        protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        {
            services.AddSmtpMailer(configuration.GetSection("Smtp"));
            services.AddEmailTemplate(new EmailTemplate
            {
                TriggerSource = CustomEmailSenderTriggerSource.Authentication,
                Subject = SignInCodeMail.Subject,
                HtmlBody = "<p>Your code:</p><p>{{ code }}</p><p>Requested from {{ client_metadata.app }}.</p>",
                TextBody = "Your code:\n\n    {{ code }}\n\nRequested from {{ client_metadata.app }}.\n",
            });
        }
    }
}
