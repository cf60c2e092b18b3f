namespace Exanubes.Cognito.EmailSender.Tests.Mailers.SendGrid;

public class SendGridMailerOptionsValidatorTests
{
    [Theory]
    [InlineData("SG.key", null, "https://api.sendgrid.com", true)]
    [InlineData(null, "/app/sendgrid", "https://api.eu.sendgrid.com", true)]
    [InlineData("SG.key", null, "http://127.0.0.1:8080", true)]
    [InlineData("SG.key", null, "http://api.sendgrid.com", false)]
    [InlineData(null, null, "https://api.sendgrid.com", false)]
    [InlineData("SG.key", "/app/sendgrid", "https://api.sendgrid.com", false)]
    public void Validate_Settings_AcceptsOnlySafeCombinations(string? key, string? parameter, string baseUrl, bool valid)
    {
        var result = new SendGridMailerOptionsValidator().Validate(null, new SendGridMailerOptions { ApiKey = key, ApiKeyParameterName = parameter, BaseUrl = new Uri(baseUrl) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("SendGrid", result.FailureMessage!.Replace("Set exactly one of ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("SG.key", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
