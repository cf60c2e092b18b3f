using Amazon.Runtime;
using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// The Cognito HttpClient never follows a redirect: following one would resend the body (passwords, codes, tokens) to
/// the address in <c>Location</c>. Real handler, real loopback server.
/// </summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task Send_ServerAnswersRedirect_NotFollowedAndTypedFailure(int status)
    {
        using var server = new LoopbackCaptureServer();
        server.Next = new CannedResponse(status, "{}", Location: new Uri(server.BaseAddress, "elsewhere"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = WireFixture.UserPoolId;
            options.ClientId = "client";
            options.ServiceUrl = server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<CognitoIdentityProviderClient>();

        var result = await client.SendAsync(
            ChangePasswordRequest.Action,
            new ChangePasswordRequest { AccessToken = "at", PreviousPassword = "old-secret", ProposedPassword = "new-secret" },
            CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal($"Http{status}", result.Error.Type);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/", request.Path);
    }
}
