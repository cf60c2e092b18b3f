using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.SmsSender.Tests.Support;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.SmsSender.IntegrationTests.Function;

/// <summary><see cref="CustomSmsSenderFunction.RunAsync"/> as a custom runtime against the loopback Runtime API host (the shared loop the email sender runs too).</summary>
public sealed class CustomSmsSenderFunctionRuntimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_Events_SendsEachAndAnswersEmptyObjectOrReportsTheTypedError()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider, null, ("AWS_LAMBDA_RUNTIME_API", host.RuntimeApi));
        var loop = function.RunAsync(stop.Token);

        var sent = await host.InvokeAsync(SmsEvents.Bytes("ForgotPassword")).WaitAsync(Wait);
        var unknown = SmsEvents.Node("SignUp");
        unknown["triggerSource"] = "CustomSMSSender_Unknown";
        var rejected = await host.InvokeAsync(SmsEvents.ToBytes(unknown)).WaitAsync(Wait);

        Assert.True(sent.Succeeded);
        Assert.Equal("{}", Encoding.UTF8.GetString(sent.Body));
        Assert.Equal("Your password reset code is 246810", Assert.Single(provider.Sent).Body);
        Assert.False(rejected.Succeeded);
        using var error = JsonDocument.Parse(rejected.Body);
        Assert.Equal(typeof(CognitoTriggerEventException).FullName, error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("triggerSource", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_MissingKmsKeyArn_PostsInitErrorNamingTheSetting()
    {
        await using var host = LambdaRuntimeHost.Start();
        var function = TestSmsFunction.WithProvider(new CapturingSmsProvider(), null, ("AWS_LAMBDA_RUNTIME_API", host.RuntimeApi), ("SmsSender__KmsKeyArn", null));

        await Assert.ThrowsAsync<LambdaRuntimeException>(() => function.RunAsync(CancellationToken.None).WaitAsync(Wait));

        var init = await host.InitError.WaitAsync(Wait);
        Assert.Contains("SmsSender__KmsKeyArn", Encoding.UTF8.GetString(init.Body), StringComparison.Ordinal);
        Assert.Equal(0, host.NextCalls);
    }
}
