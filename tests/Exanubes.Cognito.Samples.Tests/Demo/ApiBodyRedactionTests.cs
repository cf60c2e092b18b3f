using Exanubes.Cognito.Sample.WebApp;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>The demo API's request bodies carry passwords, codes and tokens: their ToString never prints them.</summary>
public sealed class ApiBodyRedactionTests
{
    private const string Secret = "S3cret-Canary-42";

    [Theory]
    [InlineData("SignUpBody")]
    [InlineData("ConfirmBody")]
    [InlineData("SignInBody")]
    [InlineData("RefreshBody")]
    [InlineData("ResetBody")]
    [InlineData("ChangeBody")]
    [InlineData("SignOutBody")]
    public void ToString_BodyHoldingSecrets_PrintsNoValue(string body)
    {
        var type = typeof(DemoApp).Assembly.GetType($"Exanubes.Cognito.Sample.WebApp.Api.ApiEndpoints+{body}", throwOnError: true)!;
        var constructor = Assert.Single(type.GetConstructors());
        var args = constructor.GetParameters().Select(_ => (object?)Secret).ToArray();

        var text = constructor.Invoke(args).ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains(body, text, StringComparison.Ordinal);
    }
}
