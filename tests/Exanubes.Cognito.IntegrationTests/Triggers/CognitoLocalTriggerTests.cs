using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.TestSupport;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.Triggers;

/// <summary>
/// The typed trigger functions, live: the local Cognito (cognito-local with our extensions) invokes them through its
/// Lambda client against a loopback invoke endpoint, and the effect shows in Cognito. Proven here: PreSignUp
/// (auto-confirmed user), UserMigration (a user migrated on first sign-in, extensions/user-migration-username.js),
/// PostAuthentication (fired on sign-in with the documented source), PreTokenGeneration V1 (a claim added to the ID token
/// that our validator accepts; extensions/trigger-event-version.js sends the documented version "1").
/// </summary>
public sealed class CognitoLocalTriggerTests : IAsyncLifetime
{
    private readonly TriggerStack _stack = new();
    private LambdaInvokeEndpoint _lambda => _stack.Lambda;
    private Uri _endpoint => _stack.Endpoint;

    public Task InitializeAsync()
    {
        _lambda.Functions["pre-sign-up"] = payload => Run(new AutoConfirm(), payload);
        _lambda.Functions["migrate"] = payload => Run(new Migrate(), payload);
        _lambda.Functions["post-auth"] = payload => Run(new PostAuth(), payload);
        _lambda.Functions["pre-token"] = payload => Run(new AddTier(), payload);
        return _stack.StartAsync(new JsonObject { ["PreSignUp"] = "pre-sign-up", ["UserMigration"] = "migrate", ["PostAuthentication"] = "post-auth", ["PreTokenGeneration"] = "pre-token" });
    }

    [Fact]
    public async Task PreSignUp_AutoConfirm_UserIsConfirmedWithoutACode()
    {
        var (poolId, clientId) = await CreatePoolAsync();

        var signUp = await CallAsync("SignUp", new JsonObject
        {
            ["ClientId"] = clientId,
            ["Username"] = "auto.user",
            ["Password"] = "Passw0rd!Passw0rd",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = "auto.user@example.com" }),
        });
        var user = await CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "auto.user" });

        Assert.True(signUp["UserConfirmed"]!.GetValue<bool>());
        Assert.Equal("CONFIRMED", user["UserStatus"]!.GetValue<string>());
        var evt = Assert.Single(_lambda.Events, e => e["triggerSource"]!.GetValue<string>() == "PreSignUp_SignUp");
        Assert.Equal("auto.user@example.com", evt["request"]!["userAttributes"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserMigration_UnknownUserWithLegacyPassword_IsMigratedOnFirstSignIn()
    {
        var (poolId, clientId) = await CreatePoolAsync();

        var auth = await CallAsync("InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "legacy.user", ["PASSWORD"] = Migrate.LegacyPassword },
        });
        var user = await CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "legacy.user" });

        Assert.NotNull(auth["AuthenticationResult"]!["IdToken"]);
        Assert.Equal("CONFIRMED", user["UserStatus"]!.GetValue<string>());
        Assert.Contains(user["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "email" && a["Value"]!.GetValue<string>() == "legacy.user@example.com");
        Assert.Contains(_lambda.Events, e => e["triggerSource"]!.GetValue<string>() == "PostAuthentication_Authentication");
    }

    [Fact]
    public async Task UserMigration_WrongLegacyPassword_FailsTheSignInAndCreatesNoUser()
    {
        var (poolId, clientId) = await CreatePoolAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync("InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "legacy.user", ["PASSWORD"] = "wrong-password" },
        }));

        Assert.Contains("(400)", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "legacy.user" }));
    }

    [Fact]
    public async Task PreTokenGeneration_ClaimAddedAndSuppressed_ShowsInTheIdTokenOurValidatorAccepts()
    {
        var (poolId, clientId) = await CreatePoolAsync();
        await CallAsync("SignUp", new JsonObject
        {
            ["ClientId"] = clientId,
            ["Username"] = "token.user",
            ["Password"] = "Passw0rd!Passw0rd",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = "token.user@example.com" }),
        });
        var auth = await CallAsync("InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "token.user", ["PASSWORD"] = "Passw0rd!Passw0rd" },
        });
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = poolId;
            o.ClientId = clientId;
            o.ServiceUrl = _endpoint;
        });
        services.AddCognitoTokenValidation();
        await using var provider = services.BuildServiceProvider();

        var token = await provider.GetRequiredService<ICognitoTokenValidator>().ValidateIdTokenAsync(auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>());

        var principal = token.CreatePrincipal();
        Assert.Equal("gold", principal.FindFirst("tier")?.Value);
        Assert.Null(principal.FindFirst("email_verified"));
        var evt = Assert.Single(_lambda.Events, e => e["triggerSource"]!.GetValue<string>() == "TokenGeneration_Authentication" && e["userName"]!.GetValue<string>() == "token.user");
        Assert.Equal("1", evt["version"]!.GetValue<string>());
    }

    public Task DisposeAsync() => _stack.DisposeAsync().AsTask();

    private static Task<byte[]> Run<TEvent>(CognitoTriggerFunction<TEvent> function, byte[] payload)
        where TEvent : CognitoTriggerEvent
        => LambdaInvokeEndpoint.RunStreamHandlerAsync(function.HandleAsync, payload);

    private Task<(string PoolId, string ClientId)> CreatePoolAsync() => _stack.CreatePoolAsync();

    private Task<JsonNode> CallAsync(string action, JsonObject body) => _stack.CallAsync(action, body);

    private sealed class AutoConfirm : PreSignUpFunction
    {
        protected override ValueTask HandleAsync(PreSignUpEvent evt, CancellationToken cancellationToken)
        {
            evt.Response.AutoConfirmUser = evt.Request.UserAttributes.TryGetValue("email", out var email) && email.EndsWith("@example.com", StringComparison.Ordinal);
            evt.Response.AutoVerifyEmail = evt.Response.AutoConfirmUser;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Migrate : UserMigrationFunction
    {
        public const string LegacyPassword = "Legacy-Passw0rd!";

        protected override ValueTask HandleAsync(UserMigrationEvent evt, CancellationToken cancellationToken)
        {
            if (evt.UserName != "legacy.user" || evt.Request.Password != LegacyPassword)
            {
                throw new InvalidOperationException("Unknown legacy user.");
            }

            evt.Response.UserAttributes = new() { ["email"] = "legacy.user@example.com", ["email_verified"] = "true" };
            evt.Response.FinalUserStatus = "CONFIRMED";
            evt.Response.MessageAction = "SUPPRESS";
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AddTier : PreTokenGenerationFunction
    {
        protected override ValueTask HandleAsync(PreTokenGenerationEvent evt, CancellationToken cancellationToken)
        {
            evt.Tokens.AddOrOverrideIdTokenClaim("tier", "gold").SuppressIdTokenClaim("email_verified");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostAuth : PostAuthenticationFunction
    {
        protected override ValueTask HandleAsync(PostAuthenticationEvent evt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
