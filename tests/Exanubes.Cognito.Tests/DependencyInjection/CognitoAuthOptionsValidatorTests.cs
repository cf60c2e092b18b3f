using Exanubes.Cognito.DependencyInjection;

namespace Exanubes.Cognito.Tests.DependencyInjection;

public sealed class CognitoAuthOptionsValidatorTests
{
    [Theory]
    [InlineData("", "1example", null, null, null, "Cognito:UserPoolId is required: the user pool id, '<region>_<id>' (for example 'eu-west-1_AbCdEf123').")]
    [InlineData("eu-west-1AbCdEf123", "1example", null, null, null, "Cognito:UserPoolId 'eu-west-1AbCdEf123' is not a user pool id: expected '<region>_<id>' (for example 'eu-west-1_AbCdEf123').")]
    [InlineData("eu-west-1_AbC", "", null, null, null, "Cognito:ClientId is required: the app client id (1-128 letters, digits, '+', '=', ',', '.', '@' or '-').")]
    [InlineData("eu-west-1_AbC", "bad client id", null, null, null, "Cognito:ClientId 'bad client id' is not an app client id: expected 1-128 letters, digits, '+', '=', ',', '.', '@' or '-'.")]
    [InlineData("eu-west-1_AbC", "1example", "  ", null, null, "Cognito:ClientSecret is empty: remove the setting when the app client has no secret, or set the app client's secret.")]
    [InlineData("eu-west-1_AbC", "1example", null, "Ireland", null, "Cognito:Region 'Ireland' is not an AWS region: expected for example 'eu-west-1'.")]
    [InlineData("eu-west-1_AbC", "1example", null, null, "ftp://127.0.0.1/", "Cognito:ServiceUrl 'ftp://127.0.0.1/' must be an absolute http or https URL (for example 'http://127.0.0.1:9229/').")]
    public void Validate_BadSetting_FailsNamingSettingAndFormat(string poolId, string clientId, string? secret, string? region, string? serviceUrl, string expected)
    {
        var options = new CognitoAuthOptions
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ClientSecret = secret,
            Region = region,
            ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl),
        };

        var result = new CognitoAuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData("eu-west-1_AbCdEf123", "1example23456789abcdefghij", null, null, null)]
    [InlineData("local_5wpRvWBZ", "2au0inxzpwf4mjetn7k560dn2", "09mc2klsp42171kjovgh8v3vx", null, "http://127.0.0.1:9229/")]
    [InlineData("us-gov-west-1_AbC", "abc", null, "us-gov-west-1", "https://cognito-idp-fips.us-gov-west-1.amazonaws.com/")]
    public void Validate_GoodSettings_Succeeds(string poolId, string clientId, string? secret, string? region, string? serviceUrl)
    {
        var options = new CognitoAuthOptions
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ClientSecret = secret,
            Region = region,
            ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl),
        };

        Assert.True(new CognitoAuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_SecretIsNeverInMessages()
    {
        var options = new CognitoAuthOptions { UserPoolId = "bad", ClientId = "bad id", ClientSecret = "s3cr3t-value", Region = "nowhere" };

        var result = new CognitoAuthOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
        Assert.DoesNotContain("s3cr3t-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
