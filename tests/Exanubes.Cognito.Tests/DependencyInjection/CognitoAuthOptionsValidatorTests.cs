using Exanubes.Cognito.DependencyInjection;

namespace Exanubes.Cognito.Tests.DependencyInjection;

public sealed class CognitoAuthOptionsValidatorTests
{
    [Theory]
    [InlineData("", "1example", null, false, null, "Cognito:UserPoolId is empty or missing: set the user pool id, '<region>_<id>' (for example 'eu-west-1_AbCdEf123'; cognito-local: 'local_<id>').")]
    [InlineData("eu-west-1AbCdEf123", "1example", null, false, null, "Cognito:UserPoolId 'eu-west-1AbCdEf123' is not a user pool id: no '_' between the region and the id; expected '<region>_<id>' (for example 'eu-west-1_AbCdEf123'; cognito-local: 'local_<id>').")]
    [InlineData("local_AbC", "1example", null, false, null, "Cognito:ServiceUrl is required for the cognito-local user pool 'local_AbC': set it to the emulator's address (for example 'http://127.0.0.1:9229/').")]
    [InlineData("eu-west-1_AbC", "", null, false, null, "Cognito:ClientId is required: the app client id (1-128 letters, digits, '+', '=', ',', '.', '@' or '-').")]
    [InlineData("eu-west-1_AbC", "bad client id", null, false, null, "Cognito:ClientId 'bad client id' is not an app client id: expected 1-128 letters, digits, '+', '=', ',', '.', '@' or '-'.")]
    [InlineData("eu-west-1_AbC", "1example", "  ", false, null, "Cognito:ClientSecret is empty: remove the setting when the app client has no secret, or set the app client's secret.")]
    [InlineData("eu-west-1_AbC", "1example", null, true, "http://127.0.0.1:9229/", "Cognito:UseFipsEndpoint and Cognito:UseDualStackEndpoint choose a derived endpoint; they cannot be combined with Cognito:ServiceUrl.")]
    [InlineData("eu-west-1_AbC", "1example", null, false, "ftp://127.0.0.1/", "Cognito:ServiceUrl 'ftp://127.0.0.1/' must be an absolute http or https URL (for example 'http://127.0.0.1:9229/').")]
    public void Validate_BadSetting_FailsNamingSettingAndFormat(string poolId, string clientId, string? secret, bool fips, string? serviceUrl, string expected)
    {
        var options = new CognitoAuthOptions
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ClientSecret = secret,
            UseFipsEndpoint = fips,
            ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl),
        };

        var result = new CognitoAuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData("eu-west-1_AbCdEf123", "1example23456789abcdefghij", null, null)]
    [InlineData("local_5wpRvWBZ", "2au0inxzpwf4mjetn7k560dn2", "09mc2klsp42171kjovgh8v3vx", "http://127.0.0.1:9229/")]
    [InlineData("us-gov-west-1_AbC", "abc", null, "https://cognito-idp-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("eusc-de-east-1_AbC", "abc", null, null)]
    public void Validate_GoodSettings_Succeeds(string poolId, string clientId, string? secret, string? serviceUrl)
    {
        var options = new CognitoAuthOptions
        {
            UserPoolId = poolId,
            ClientId = clientId,
            ClientSecret = secret,
            ServiceUrl = serviceUrl is null ? null : new Uri(serviceUrl),
        };

        Assert.True(new CognitoAuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_SecretIsNeverInMessages()
    {
        var options = new CognitoAuthOptions { UserPoolId = "bad", ClientId = "bad id", ClientSecret = "s3cr3t-value", UseDualStackEndpoint = true, ServiceUrl = new Uri("http://127.0.0.1:9229/") };

        var result = new CognitoAuthOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
        Assert.DoesNotContain("s3cr3t-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
