namespace Exanubes.Cognito.EmailSender.Tests.Mailers.Smtp;

public class SmtpMailerOptionsValidatorTests
{
    [Theory]
    [InlineData("smtp.example.com", 587, SmtpTlsMode.StartTls, "user", "pass")]
    [InlineData("smtp.example.com", 465, SmtpTlsMode.SslOnConnect, null, null)]
    [InlineData("127.0.0.1", 1025, SmtpTlsMode.None, "user", "pass")]
    [InlineData("localhost", 1025, SmtpTlsMode.None, null, null)]
    [InlineData("127.0.0.1", 1025, SmtpTlsMode.Auto, "user", "pass")]
    [InlineData("smtp.example.com", 587, SmtpTlsMode.Auto, null, null)]
    public void Validate_GoodSettings_Succeeds(string host, int port, SmtpTlsMode tls, string? user, string? password)
    {
        var result = new SmtpMailerOptionsValidator().Validate(null, new SmtpMailerOptions { Host = host, Port = port, UseTls = tls, UserName = user, Password = password });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, 587, SmtpTlsMode.StartTls, null, null, "Smtp:Host")]
    [InlineData("smtp.example.com", 0, SmtpTlsMode.StartTls, null, null, "Smtp:Port")]
    [InlineData("smtp.example.com", 587, (SmtpTlsMode)9, null, null, "Smtp:UseTls")]
    [InlineData("smtp.example.com", 587, SmtpTlsMode.StartTls, "user", null, "both")]
    [InlineData("smtp.example.com", 25, SmtpTlsMode.None, "user", "s3cr3t-pw", "plain text")]
    [InlineData("smtp.example.com", 587, SmtpTlsMode.Auto, "user", "s3cr3t-pw", "Auto falls back to plain text")]
    [InlineData("10.0.0.5", 25, SmtpTlsMode.Auto, "user", "s3cr3t-pw", "Auto falls back to plain text")]
    public void Validate_BadSettings_NameTheProblem(string? host, int port, SmtpTlsMode tls, string? user, string? password, string expected)
    {
        var result = new SmtpMailerOptionsValidator().Validate(null, new SmtpMailerOptions { Host = host, Port = port, UseTls = tls, UserName = user, Password = password });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        if (password is not null)
        {
            Assert.DoesNotContain(password, result.FailureMessage!.Replace("Smtp:Password", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
