using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Lambda.Tests.Triggers.PreTokenGeneration;

public class PreTokenGenerationBuilderTests
{
    [Fact]
    public async Task Tokens_Version1_WritesClaimsOverrideDetails()
    {
        var output = await TriggerFixtures.RunAsync(new Handler(t => t
            .AddOrOverrideIdTokenClaim("tier", "gold")
            .SuppressIdTokenClaim("email")
            .OverrideGroups(["admins"], preferredRole: "arn:aws:iam::111122223333:role/admin")), TriggerFixtures.Bytes("TokenGeneration_Authentication_V1"));

        var details = output["response"]!["claimsOverrideDetails"]!;
        Assert.Equal("gold", details["claimsToAddOrOverride"]!["tier"]!.GetValue<string>());
        Assert.Equal(["email"], details["claimsToSuppress"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("admins", details["groupOverrideDetails"]!["groupsToOverride"]![0]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111122223333:role/admin", details["groupOverrideDetails"]!["preferredRole"]!.GetValue<string>());
        Assert.Null(output["response"]!["claimsAndScopeOverrideDetails"]);
    }

    [Fact]
    public void Tokens_Version1AccessTokenChange_IsRefusedNamingTheVersion()
    {
        var evt = Read("TokenGeneration_Authentication_V1");

        var ex = Assert.Throws<InvalidOperationException>(() => evt.Tokens.AddScope("orders/read"));

        Assert.Contains("V2_0 or V3_0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_Version1NonStringClaim_IsRefused()
    {
        var evt = Read("TokenGeneration_Authentication_V1");

        var ex = Assert.Throws<ArgumentException>(() => evt.Tokens.AddOrOverrideIdTokenClaim("level", JsonValue.Create(3)));

        Assert.Contains("'level'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_Version2_WritesIdAndAccessTokenGeneration()
    {
        var output = await TriggerFixtures.RunAsync(new Handler(t => t
            .AddOrOverrideIdTokenClaim("tier", "gold")
            .AddOrOverrideAccessTokenClaim("tenant", "acme")
            .AddOrOverrideAccessTokenClaim("roles", new JsonArray("reader", "writer"))
            .AddOrOverrideAccessTokenClaim("level", JsonValue.Create(3))
            .SuppressAccessTokenClaim("username")
            .AddScope("orders/read")
            .SuppressScope("aws.cognito.signin.user.admin")
            .OverrideGroups(["admins"])), TriggerFixtures.Bytes("TokenGeneration_Authentication_V2"));

        var details = output["response"]!["claimsAndScopeOverrideDetails"]!;
        Assert.Equal("gold", details["idTokenGeneration"]!["claimsToAddOrOverride"]!["tier"]!.GetValue<string>());
        var access = details["accessTokenGeneration"]!;
        Assert.Equal("acme", access["claimsToAddOrOverride"]!["tenant"]!.GetValue<string>());
        Assert.Equal(2, access["claimsToAddOrOverride"]!["roles"]!.AsArray().Count);
        Assert.Equal(3, access["claimsToAddOrOverride"]!["level"]!.GetValue<int>());
        Assert.Equal("username", access["claimsToSuppress"]![0]!.GetValue<string>());
        Assert.Equal("orders/read", access["scopesToAdd"]![0]!.GetValue<string>());
        Assert.Equal("aws.cognito.signin.user.admin", access["scopesToSuppress"]![0]!.GetValue<string>());
        Assert.Equal("admins", details["groupOverrideDetails"]!["groupsToOverride"]![0]!.GetValue<string>());
        Assert.Null(output["response"]!["claimsOverrideDetails"]);
    }

    [Fact]
    public void Tokens_AddThenSuppress_LeavesOnlyTheSuppression()
    {
        var evt = Read("TokenGeneration_Authentication_V2");

        evt.Tokens.AddScope("a").SuppressScope("a").AddOrOverrideAccessTokenClaim("c", "1").SuppressAccessTokenClaim("c");

        var access = evt.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Empty(access.ScopesToAdd!);
        Assert.Equal(["a"], access.ScopesToSuppress!);
        Assert.Empty(access.ClaimsToAddOrOverride!);
        Assert.Equal(["c"], access.ClaimsToSuppress!);
    }

    [Fact]
    public async Task Tokens_Version3MachineToMachine_ChangesTheAccessToken()
    {
        var output = await TriggerFixtures.RunAsync(new Handler(t => t.AddOrOverrideAccessTokenClaim("partner", "acme").AddScope("orders/write")), TriggerFixtures.Bytes("TokenGeneration_ClientCredentials_V3"));

        var access = output["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!;
        Assert.Equal("acme", access["claimsToAddOrOverride"]!["partner"]!.GetValue<string>());
        Assert.Equal("orders/write", access["scopesToAdd"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Tokens_Version3MachineToMachine_RefusesIdTokenAndGroups()
    {
        var evt = Read("TokenGeneration_ClientCredentials_V3");

        Assert.True(evt.IsMachineToMachine);
        Assert.Contains("no ID token", Assert.Throws<InvalidOperationException>(() => evt.Tokens.AddOrOverrideIdTokenClaim("x", "y")).Message, StringComparison.Ordinal);
        Assert.Contains("no ID token", Assert.Throws<InvalidOperationException>(() => evt.Tokens.SuppressIdTokenClaim("x")).Message, StringComparison.Ordinal);
        Assert.Contains("no groups", Assert.Throws<InvalidOperationException>(() => evt.Tokens.OverrideGroups(["g"])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4")]
    [InlineData(null)]
    public void Read_UnknownVersion_NamesVersion(string? version)
    {
        var node = TriggerFixtures.Node("TokenGeneration_Authentication_V2");
        node["version"] = version;

        Assert.Equal("version", Assert.Throws<CognitoTriggerEventException>(() => new Handler(_ => { }).Read(TriggerFixtures.ToBytes(node))).Field);
    }

    [Fact]
    public void Read_ClientCredentialsOnVersion2_NamesTriggerSource()
    {
        var node = TriggerFixtures.Node("TokenGeneration_ClientCredentials_V3");
        node["version"] = "2";

        Assert.Equal("triggerSource", Assert.Throws<CognitoTriggerEventException>(() => new Handler(_ => { }).Read(TriggerFixtures.ToBytes(node))).Field);
    }

    private static PreTokenGenerationEvent Read(string fixture) => new Handler(_ => { }).Read(TriggerFixtures.Bytes(fixture));

    private sealed class Handler(Action<PreTokenGenerationBuilder> change) : PreTokenGenerationFunction
    {
        protected override ValueTask HandleAsync(PreTokenGenerationEvent evt, CancellationToken cancellationToken)
        {
            change(evt.Tokens);
            return ValueTask.CompletedTask;
        }
    }
}
