using Amazon.CDK;
using Exanubes.Cognito.Sample.Infrastructure;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

[Collection(CdkCollection.Name)]
public sealed class StackSettingsTests
{
    [Fact]
    public void FromContext_Empty_SecureDefaults()
    {
        var props = StackSettings.FromContext(AppWith([]));

        Assert.Equal(MailerKind.SendGrid, props.Mailer);
        Assert.False(props.IsDevelopment);
        Assert.False(props.GenerateSecret);
        Assert.True(props.SignInWithUsername);
        Assert.True(props.SignInWithEmail);
        Assert.Null(props.ExpectedUserPoolId);
        Assert.Null(props.SenderAssetPath);
    }

    [Fact]
    public void FromContext_EveryKey_MapsToProps()
    {
        var props = StackSettings.FromContext(AppWith(new()
        {
            ["userPoolName"] = "pool",
            ["clientName"] = "client",
            ["signInAliases"] = "email",
            ["generateSecret"] = "true",
            ["mailer"] = "smtp",
            ["fromAddress"] = "a@b.c",
            ["fromName"] = "B",
            ["appUrl"] = "https://b.c",
            ["sendGridApiKeyParameter"] = "/x/y",
            ["smtpHost"] = "relay",
            ["smtpPort"] = "25",
            ["smtpTls"] = "sslonconnect",
            ["userPoolId"] = "eu-west-1_X",
            ["environment"] = "dev",
            ["senderAssetPath"] = "/tmp/sender",
        }));

        Assert.Equal("pool", props.UserPoolName);
        Assert.Equal("client", props.ClientName);
        Assert.False(props.SignInWithUsername);
        Assert.True(props.SignInWithEmail);
        Assert.True(props.GenerateSecret);
        Assert.Equal(MailerKind.Smtp, props.Mailer);
        Assert.Equal("a@b.c", props.FromAddress);
        Assert.Equal("B", props.FromName);
        Assert.Equal("https://b.c", props.AppUrl);
        Assert.Equal("/x/y", props.SendGridApiKeyParameterName);
        Assert.Equal("relay", props.SmtpHost);
        Assert.Equal(25, props.SmtpPort);
        Assert.Equal(SmtpTlsMode.SslOnConnect, props.SmtpTls);
        Assert.Equal("eu-west-1_X", props.ExpectedUserPoolId);
        Assert.True(props.IsDevelopment);
        Assert.Equal("/tmp/sender", props.SenderAssetPath);
    }

    [Fact]
    public void FromContext_SenderRuntimeAot_MapsToNativeAotOnTheChosenArchitecture()
    {
        var props = StackSettings.FromContext(AppWith(new() { ["senderRuntime"] = "aot", ["senderArchitecture"] = "x86_64" }));

        Assert.Equal(SenderRuntime.NativeAot, props.SenderRuntime);
        Assert.Equal(SenderArchitecture.X86_64, props.SenderArchitecture);
        Assert.Equal(SenderRuntime.Managed, StackSettings.FromContext(AppWith([])).SenderRuntime);
    }

    [Theory]
    [InlineData("mailer", "Ses", "'mailer'")]
    [InlineData("mailer", "7", "'mailer'")]
    [InlineData("signInAliases", "phone", "'signInAliases'")]
    [InlineData("environment", "staging", "'environment'")]
    [InlineData("smtpPort", "70000", "'smtpPort'")]
    [InlineData("generateSecret", "yes", "'generateSecret'")]
    [InlineData("smtpTls", "true", "'smtpTls'")]
    [InlineData("senderRuntime", "jit", "'senderRuntime'")]
    [InlineData("senderArchitecture", "amd64", "'senderArchitecture'")]
    public void FromContext_MalformedValue_ThrowsNamingTheKey(string key, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => StackSettings.FromContext(AppWith(new() { [key] = value })));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static App AppWith(Dictionary<string, object> context) =>
        new(new AppProps { AnalyticsReporting = false, Context = context });
}
