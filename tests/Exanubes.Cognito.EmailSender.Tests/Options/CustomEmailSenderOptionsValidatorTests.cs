// Not ".Options": a namespace of that name would hide Microsoft.Extensions.Options.Options from every test.
namespace Exanubes.Cognito.EmailSender.Tests.OptionsValidation;

public class CustomEmailSenderOptionsValidatorTests
{
    private const string Arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Theory]
    [InlineData(Arn, null, null, null)]
    [InlineData("arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", "cn-north-1_Abc123", null, null)]
    [InlineData(Arn, "local_6Vb2kmkZ", "http://127.0.0.1:4566", "http://localhost:3000")]
    public void Validate_GoodSettings_Succeeds(string arn, string? pool, string? kmsUrl, string? appUrl)
    {
        var result = Validate(new CustomEmailSenderOptions
        {
            KmsKeyArn = arn,
            UserPoolId = pool,
            KmsServiceUrl = kmsUrl is null ? null : new Uri(kmsUrl),
            AppUrl = appUrl is null ? null : new Uri(appUrl),
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("UserPoolId", "eu-west-1")]
    [InlineData("KmsServiceUrl", "ftp://127.0.0.1/")]
    [InlineData("AppUrl", "https://app.example.com/?x=1")]
    [InlineData("AppUrl", "javascript:alert(1)")]
    public void Validate_BadSetting_NamesIt(string setting, string value)
    {
        var options = new CustomEmailSenderOptions { KmsKeyArn = Arn };
        switch (setting)
        {
            case "UserPoolId":
                options.UserPoolId = value;
                break;
            case "KmsServiceUrl":
                options.KmsServiceUrl = new Uri(value);
                break;
            default:
                options.AppUrl = new Uri(value);
                break;
        }

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("EmailSender:" + setting, result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(CustomEmailSenderOptions options)
        => new CustomEmailSenderOptionsValidator().Validate(null, options);
}
