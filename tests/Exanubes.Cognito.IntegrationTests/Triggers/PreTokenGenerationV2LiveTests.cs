using System.Text.Json.Nodes;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.TestSupport;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.Triggers;

/// <summary>
/// Pre token generation V2, live: the local Cognito sends the version 2 event (LOCAL_COGNITO_PRE_TOKEN_VERSION=2,
/// extensions/trigger-event-version.js) and applies the access token part of the typed builder's response
/// (extensions/pre-token-generation-v2.js); our validator accepts the access token with the added claim and scope.
/// The V3 machine-to-machine case is proven only against documented events (the local Cognito has no client
/// credentials grant): PreTokenGenerationBuilderTests.
/// </summary>
public sealed class PreTokenGenerationV2LiveTests : IAsyncLifetime
{
    private readonly TriggerStack _stack = new();

    public Task InitializeAsync()
    {
        _stack.Lambda.Functions["pre-token"] = payload => LambdaInvokeEndpoint.RunStreamHandlerAsync(new Tenant().HandleAsync, payload);
        return _stack.StartAsync(new JsonObject { ["PreTokenGeneration"] = "pre-token" }, new Dictionary<string, string> { ["LOCAL_COGNITO_PRE_TOKEN_VERSION"] = "2" });
    }

    [Fact]
    public async Task AccessToken_ClaimAndScopeAddedByTheBuilder_AcceptedByOurValidator()
    {
        var (poolId, clientId) = await _stack.CreatePoolAsync();
        await _stack.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["Username"] = "v2.user",
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = "v2.user@example.com" }),
        });
        await _stack.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "v2.user", ["Password"] = "Passw0rd!Passw0rd", ["Permanent"] = true });
        var auth = await _stack.CallAsync("InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "v2.user", ["PASSWORD"] = "Passw0rd!Passw0rd" },
        });
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = poolId;
            o.ClientId = clientId;
            o.ServiceUrl = _stack.Endpoint;
        });
        services.AddCognitoTokenValidation();
        await using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<ICognitoTokenValidator>();

        var access = await validator.ValidateAccessTokenAsync(auth["AuthenticationResult"]!["AccessToken"]!.GetValue<string>());
        var id = await validator.ValidateIdTokenAsync(auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>());

        Assert.Equal("acme", access.CreatePrincipal().FindFirst("tenant")?.Value);
        Assert.Contains("orders/read", access.Scopes);
        Assert.Equal("gold", id.CreatePrincipal().FindFirst("tier")?.Value);
        var evt = Assert.Single(_stack.Lambda.Events);
        Assert.Equal("2", evt["version"]!.GetValue<string>());
        Assert.Contains("aws.cognito.signin.user.admin", evt["request"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    public Task DisposeAsync() => _stack.DisposeAsync().AsTask();

    private sealed class Tenant : PreTokenGenerationFunction
    {
        protected override ValueTask HandleAsync(PreTokenGenerationEvent evt, CancellationToken cancellationToken)
        {
            evt.Tokens.AddOrOverrideIdTokenClaim("tier", "gold").AddOrOverrideAccessTokenClaim("tenant", "acme").AddScope("orders/read");
            return ValueTask.CompletedTask;
        }
    }
}
