using System.Text.RegularExpressions;
using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Tests.IdentityProvider;

public sealed partial class CognitoRequestSignerTests
{
    [Fact]
    public async Task AdminCall_FixedCredentialsAndTime_CarriesSigV4Headers()
    {
        var time = WireTestHost.FixedTime();
        await using var host = WireTestHost.Create("AdminGetUser.json", timeProvider: time);

        var result = await host.Admin.GetUserAsync("testuser");

        Assert.True(result.Succeeded, result.ToString());
        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("20261129T070509Z", request.Headers["X-Amz-Date"]);
        var authorization = AuthorizationHeader().Match(request.Headers["Authorization"]);
        Assert.True(authorization.Success, request.Headers["Authorization"]);
        Assert.Equal($"{WireTestHost.AccessKey}/20261129/eu-west-1/cognito-idp/aws4_request", authorization.Groups["credential"].Value);
        var signed = authorization.Groups["signed"].Value.Split(';');
        Assert.Contains("host", signed);
        Assert.Contains("x-amz-date", signed);
        Assert.Contains("x-amz-target", signed);
        Assert.Contains("content-type", signed);
        Assert.Matches("^[0-9a-f]{64}$", authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task AdminCall_DifferentBody_DifferentSignature()
    {
        var time = WireTestHost.FixedTime();
        await using var host = WireTestHost.Create("Empty.json", timeProvider: time);

        await host.Admin.DeleteUserAsync("ada");
        await host.Admin.DeleteUserAsync("grace");
        await host.Admin.DeleteUserAsync("ada");

        var signatures = host.Handler.Requests.Select(r => AuthorizationHeader().Match(r.Headers["Authorization"]).Groups["signature"].Value).ToList();
        Assert.NotEqual(signatures[0], signatures[1]);
        Assert.Equal(signatures[0], signatures[2]);
    }

    [Fact]
    public async Task PublicCall_NeverSigned()
    {
        await using var host = WireTestHost.Create("SignUp.json");

        await host.Auth.SignUpAsync(new CognitoSignUpRequest { Username = "ada", Password = "Passw0rd!" });

        var request = Assert.Single(host.Handler.Requests);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.False(request.Headers.ContainsKey("X-Amz-Date"));
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), ?SignedHeaders=(?<signed>[^,]+), ?Signature=(?<signature>[0-9a-f]+)$")]
    private static partial Regex AuthorizationHeader();
}

/// <summary>The SDK's default credential chain when no credentials are registered (environment variables here).</summary>
public sealed class CognitoRequestSignerCredentialChainTests
{
    [Fact]
    public async Task AdminCall_NoRegisteredCredentials_UsesSdkChainFromEnvironment()
    {
        var previous = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secretfromenvironmentEXAMPLEKEY");
        try
        {
            var handler = new FakeCognitoHandler(_ => FakeCognitoHandler.Fixture("Empty.json"));
            var services = new ServiceCollection().AddLogging();
            services.AddCognitoAuth(o =>
            {
                o.UserPoolId = WireTestHost.PoolId;
                o.ClientId = WireTestHost.ClientId;
            });
            services.AddHttpClient(CognitoIdentityProviderClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
            await using var provider = services.BuildServiceProvider();
            var admin = provider.GetRequiredService<ICognitoAdminService>();

            var result = await admin.UserGlobalSignOutAsync("ada");

            Assert.True(result.Succeeded, result.ToString());
            Assert.Contains("Credential=AKIDFROMENVIRONMENT/", Assert.Single(handler.Requests).Headers["Authorization"], StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", previous.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", previous.Item2);
        }
    }
}
