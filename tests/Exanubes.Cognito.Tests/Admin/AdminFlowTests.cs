using System.Text.Json.Nodes;
using Exanubes.Cognito.Tests.IdentityProvider;

namespace Exanubes.Cognito.Tests.Admin;

/// <summary>The admin flow behind <see cref="ICognitoAdminService"/>, over a fake Cognito.</summary>
public sealed class AdminFlowTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SetUserPassword_AnyPermanence_SignedRequestWithPoolUserPasswordAndPermanent(bool permanent)
    {
        await using var host = WireTestHost.Create("Empty.json");

        var result = await host.Admin.SetUserPasswordAsync("ada", "N3w-Passw0rd!", permanent);

        Assert.True(result.Succeeded, result.ToString());
        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("AdminSetUserPassword", request.Action);
        Assert.StartsWith("AWS4-HMAC-SHA256 ", request.Headers["Authorization"], StringComparison.Ordinal);
        var expected = new JsonObject { ["UserPoolId"] = WireTestHost.PoolId, ["Username"] = "ada", ["Password"] = "N3w-Passw0rd!", ["Permanent"] = permanent };
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.Json?.ToJsonString());
    }

    [Fact]
    public async Task SetUserPassword_EmptyPassword_ThrowsBeforeSending()
    {
        await using var host = WireTestHost.Create("Empty.json");

        await Assert.ThrowsAsync<ArgumentException>(() => host.Admin.SetUserPasswordAsync("ada", "", permanent: true));
        Assert.Empty(host.Handler.Requests);
    }
}
