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
    private readonly LambdaInvokeEndpoint _lambda = new();
    private readonly HttpClient _http = new();
    private PeerProcess? _cognito;
    private string? _workDir;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _lambda.Functions["pre-sign-up"] = payload => Run(new AutoConfirm(), payload);
        _lambda.Functions["migrate"] = payload => Run(new Migrate(), payload);
        _lambda.Functions["post-auth"] = payload => Run(new PostAuth(), payload);
        _lambda.Functions["pre-token"] = payload => Run(new AddTier(), payload);
        _lambda.Start();

        _workDir = Path.Combine(Path.GetTempPath(), "exanubes-triggers-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(_workDir, ".cognito"));
        var config = new JsonObject
        {
            ["UserPoolDefaults"] = new JsonObject { ["UsernameAttributes"] = new JsonArray() },
            ["LambdaClient"] = new JsonObject
            {
                ["endpoint"] = _lambda.Url,
                ["region"] = "eu-west-1",
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
                ["maxRetries"] = 0,
            },
            ["TriggerFunctions"] = new JsonObject { ["PreSignUp"] = "pre-sign-up", ["UserMigration"] = "migrate", ["PostAuthentication"] = "post-auth", ["PreTokenGeneration"] = "pre-token" },
        };
        await File.WriteAllTextAsync(Path.Combine(_workDir, ".cognito", "config.json"), config.ToJsonString());
        var port = PeerProcess.FreePort();
        _cognito = await LocalCognito.StartAsync(_workDir, port);
        _endpoint = new Uri($"http://127.0.0.1:{port}/");
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

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_cognito is not null)
        {
            await _cognito.DisposeAsync();
        }

        _lambda.Dispose();
        if (_workDir is not null)
        {
            try
            {
                Directory.Delete(_workDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Task<byte[]> Run<TEvent>(CognitoTriggerFunction<TEvent> function, byte[] payload)
        where TEvent : CognitoTriggerEvent
        => LambdaInvokeEndpoint.RunStreamHandlerAsync(function.HandleAsync, payload);

    private async Task<(string PoolId, string ClientId)> CreatePoolAsync()
    {
        var pool = await CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "triggers-" + Guid.NewGuid().ToString("N")[..8] });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "client",
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });
        return (poolId, client["UserPoolClient"]!["ClientId"]!.GetValue<string>());
    }

    private async Task<JsonNode> CallAsync(string action, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text) ?? new JsonObject()
            : throw new InvalidOperationException($"cognito-local {action} failed ({(int)response.StatusCode}): {text}\n{_cognito?.Output}");
    }

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
