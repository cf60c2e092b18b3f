using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>
/// Wire exactness: for every action of our client, the request it sends equals what the official JS SDK
/// (@aws-sdk/client-cognito-identity-provider) sends for the same input: method, path, X-Amz-Target, Content-Type and
/// a semantically equal JSON body (no extra, no missing fields). Admin actions are SigV4-signed on both sides; public
/// actions are unsigned on both sides.
/// </summary>
[Collection(WireCollection.Name)]
public sealed partial class WireRequestTests(WireFixture wire)
{
    public static TheoryData<string> RequestCaseNames => [.. WireFixture.RequestCases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(RequestCaseNames))]
    public void Request_SameInputAsJsSdk_SameWireRequest(string name)
    {
        var wireCase = WireFixture.RequestCases.Single(c => c.Name == name);
        var js = wire.Js[name].Request;
        var ours = wire.Ours[name].Request;

        Assert.Equal(js.Method, ours.Method);
        Assert.Equal(js.Path, ours.Path);
        Assert.Equal("AWSCognitoIdentityProviderService." + wireCase.Action, js.Headers["X-Amz-Target"]);
        Assert.Equal(js.Headers["X-Amz-Target"], ours.Headers.GetValueOrDefault("X-Amz-Target"));
        Assert.Equal(js.Headers["Content-Type"], ours.Headers.GetValueOrDefault("Content-Type"));

        var jsBody = JsonNode.Parse(js.Body);
        var ourBody = JsonNode.Parse(ours.Body);
        Assert.True(JsonNode.DeepEquals(jsBody, ourBody), $"bodies differ for '{name}':\n JS:   {jsBody?.ToJsonString()}\n ours: {ourBody?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(RequestCaseNames))]
    public void Request_SameInputAsJsSdk_SameBodyBytes(string name)
    {
        var js = wire.Js[name].Request.RawBody;
        var ours = wire.Ours[name].Request.RawBody;
        Assert.True(js.Length > 0, $"the JS SDK sent an empty body for '{name}'");
        Assert.True(
            js.AsSpan().SequenceEqual(ours),
            $"body bytes differ for '{name}':\n JS:   {Convert.ToHexString(js)}\n ours: {Convert.ToHexString(ours)}\n JS:   {System.Text.Encoding.UTF8.GetString(js)}\n ours: {System.Text.Encoding.UTF8.GetString(ours)}");
    }

    [Fact]
    public void Request_NonAsciiInput_SentAsRawUtf8LikeTheJsSdk()
    {
        // "Zoë" (U+00EB, two UTF-8 bytes), an emoji (U+1F600, four bytes) and U+2028 travel unescaped; the JS SDK
        // (JSON.stringify) escapes only quotes, backslashes and control characters.
        var js = wire.Js["SignUp (non-ASCII)"].Request.RawBody;
        var ours = wire.Ours["SignUp (non-ASCII)"].Request.RawBody;
        byte[] zoe = [(byte)'Z', (byte)'o', 0xC3, 0xAB];
        byte[] grin = [0xF0, 0x9F, 0x98, 0x80];
        foreach (var needle in new[] { zoe, grin, [0xE2, 0x80, 0xA8], "\\\"\\\\\\n\\u001f"u8.ToArray() })
        {
            Assert.True(js.AsSpan().IndexOf(needle) >= 0, $"JS SDK body lacks {Convert.ToHexString(needle)}");
            Assert.True(ours.AsSpan().IndexOf(needle) >= 0, $"our body lacks {Convert.ToHexString(needle)}");
        }

        Assert.DoesNotContain("\\u00eb", System.Text.Encoding.UTF8.GetString(ours), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(js, ours);
    }

    [Theory]
    [MemberData(nameof(RequestCaseNames))]
    public void Request_Authorization_SignedExactlyWhenTheJsSdkSigns(string name)
    {
        var wireCase = WireFixture.RequestCases.Single(c => c.Name == name);
        var js = wire.Js[name].Request;
        var ours = wire.Ours[name].Request;

        if (!ActionDescriptors.Named(wireCase.Action).Signed)
        {
            Assert.False(js.Headers.ContainsKey("Authorization"), $"the JS SDK signed public action {wireCase.Action}");
            Assert.False(ours.Headers.ContainsKey("Authorization"), $"our client signed public action {wireCase.Action}");
            return;
        }

        var jsAuth = SigV4Regex().Match(js.Headers["Authorization"]);
        var ourAuth = SigV4Regex().Match(ours.Headers.GetValueOrDefault("Authorization") ?? string.Empty);
        Assert.True(jsAuth.Success, js.Headers["Authorization"]);
        Assert.True(ourAuth.Success, $"no SigV4 Authorization on our {wireCase.Action}: {ours.Headers.GetValueOrDefault("Authorization")}");

        // Same credential scope: key id, region and signing service.
        Assert.Equal(WireFixture.AccessKeyId, ourAuth.Groups["key"].Value);
        Assert.Equal(jsAuth.Groups["key"].Value, ourAuth.Groups["key"].Value);
        Assert.Equal(jsAuth.Groups["region"].Value, ourAuth.Groups["region"].Value);
        Assert.Equal(jsAuth.Groups["service"].Value, ourAuth.Groups["service"].Value);

        // The headers that pin the action and the body are signed, and the signing date is sent.
        var signed = ourAuth.Groups["signed"].Value.Split(';');
        Assert.Contains("host", signed);
        Assert.Contains("x-amz-date", signed);
        Assert.Contains("x-amz-target", signed);
        Assert.True(ours.Headers.ContainsKey("X-Amz-Date"));
        Assert.Equal(64, ourAuth.Groups["signature"].Value.Length);
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]+)$")]
    private static partial Regex SigV4Regex();
}
