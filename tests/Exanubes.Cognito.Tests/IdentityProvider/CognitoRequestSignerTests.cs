using System.Text.RegularExpressions;

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
