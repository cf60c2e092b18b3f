using System.Text;
using System.Text.Json;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.Tests.Function;

/// <summary><see cref="CustomEmailSenderFunction.RunAsync"/> as a custom runtime against a loopback Runtime API host.</summary>
public sealed class CustomEmailSenderFunctionRuntimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_Events_SendsEachAndAnswersEmptyObjectOrReportsTheTypedError()
    {
        await using var host = LambdaRuntimeHost.Start();
        using var stop = new CancellationTokenSource();
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer, null, ("AWS_LAMBDA_RUNTIME_API", host.RuntimeApi));
        var loop = function.RunAsync(stop.Token);

        var sent = await host.InvokeAsync(Fixtures.Bytes("SignUp")).WaitAsync(Wait);
        var malformed = await host.InvokeAsync("{\"version\":\"1\",\"triggerSource\":"u8.ToArray()).WaitAsync(Wait);

        Assert.True(sent.Succeeded);
        Assert.Equal("{}", Encoding.UTF8.GetString(sent.Body));
        Assert.Equal("Verify your email address", Assert.Single(mailer.Sent).Subject);
        Assert.False(malformed.Succeeded);
        using var error = JsonDocument.Parse(malformed.Body);
        Assert.Equal(typeof(CustomEmailSenderEventException).FullName, error.RootElement.GetProperty("errorType").GetString());

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_MissingKmsKeyArn_PostsInitErrorNamingTheSetting()
    {
        await using var host = LambdaRuntimeHost.Start();
        var function = TestFunction.WithMailer(new CapturingMailer(), null, ("AWS_LAMBDA_RUNTIME_API", host.RuntimeApi), ("EmailSender__KmsKeyArn", null));

        await Assert.ThrowsAsync<LambdaRuntimeException>(() => function.RunAsync(CancellationToken.None).WaitAsync(Wait));

        var init = await host.InitError.WaitAsync(Wait);
        Assert.Contains("EmailSender__KmsKeyArn", Encoding.UTF8.GetString(init.Body), StringComparison.Ordinal);
        Assert.Equal(0, host.NextCalls);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApi_ThrowsNamingTheVariable()
    {
        var function = TestFunction.WithMailer(new CapturingMailer());

        var ex = await Assert.ThrowsAsync<LambdaRuntimeException>(() => function.RunAsync(CancellationToken.None));

        Assert.Contains("AWS_LAMBDA_RUNTIME_API", ex.Message, StringComparison.Ordinal);
    }
}
