using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.Tests.Tokens;
using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.Authentication;

/// <summary>The crafted token table and the policies through a real ASP.NET Core pipeline (TestServer, JwtBearer, authorization).</summary>
public sealed class CognitoJwtBearerTests
{
    /// <summary>What a caller is told per failure when detailed errors are off: the check, no values.</summary>
    private static readonly Dictionary<Type, string> Checks = new()
    {
        [typeof(CognitoTokenMalformedException)] = "token malformed",
        [typeof(CognitoTokenAlgorithmException)] = "algorithm not accepted",
        [typeof(CognitoSigningKeyNotFoundException)] = "signing key not found",
        [typeof(CognitoSigningKeyException)] = "signing key not usable",
        [typeof(CognitoTokenSignatureException)] = "signature invalid",
        [typeof(CognitoTokenIssuerException)] = "issuer not accepted",
        [typeof(CognitoTokenUseException)] = "token_use not accepted",
        [typeof(CognitoTokenClientException)] = "app client not accepted",
        [typeof(CognitoTokenExpiredException)] = "token expired",
        [typeof(CognitoTokenNotYetValidException)] = "token not yet valid",
        [typeof(CognitoTokenLifetimeException)] = "token lifetime not accepted",
    };

    public static TheoryData<string> CraftedTokenNames => CraftedTokens.Names;

    [Theory]
    [MemberData(nameof(CraftedTokenNames))]
    public async Task Request_CraftedToken_401WithErrorDescription(string name)
    {
        var crafted = CraftedTokens.Get(name);
        using var host = await StartAsync();
        var path = crafted.Use == CognitoTokenUse.Id ? "/id/me" : "/me";

        using var response = await Send(host, path, crafted.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"error=\"invalid_token\", error_description=\"{Checks[crafted.Exception]}\"", challenge.Parameter);
        var logs = host.Services.GetFakeLogCollector().GetSnapshot();
        // One record of the rejection with its detail: JwtBearer's (with the exception), not ours as well.
        var rejection = Assert.Single(logs, r => r.Exception?.Message == crafted.Message);
        Assert.Equal("TokenValidationFailed", rejection.Id.Name);
        Assert.DoesNotContain(logs, r => r.Id.Id == 3004);
        foreach (var part in crafted.Token.Split('.').Where(p => p.Length > 8))
        {
            Assert.DoesNotContain(logs, r => r.Message.Contains(part, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(part, StringComparison.Ordinal) ?? false));
        }
    }

    [Theory]
    [MemberData(nameof(CraftedTokenNames))]
    public async Task Request_CraftedTokenWithDetailedErrors_401WithExpectedAndActualValues(string name)
    {
        var crafted = CraftedTokens.Get(name);
        using var host = await StartAsync(services => services.Configure<CognitoJwtBearerOptions>(
            crafted.Use == CognitoTokenUse.Id ? "CognitoId" : CognitoAuthenticationDefaults.AuthenticationScheme, o => o.DetailedErrors = true));

        using var response = await Send(host, crafted.Use == CognitoTokenUse.Id ? "/id/me" : "/me", crafted.Token);

        Assert.Equal($"error=\"invalid_token\", error_description=\"{crafted.Message}\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }

    [Fact]
    public async Task Request_OtherPoolsToken_ErrorDescriptionNamesNoPoolIssuerOrClient()
    {
        using var host = await StartAsync();

        using var wrongIssuer = await Send(host, "/me", CraftedTokens.Get("other pool's token").Token);
        using var wrongClient = await Send(host, "/me", CraftedTokens.Get("other client's access token").Token);

        var issuerChallenge = Assert.Single(wrongIssuer.Headers.WwwAuthenticate).Parameter!;
        var clientChallenge = Assert.Single(wrongClient.Headers.WwwAuthenticate).Parameter!;
        Assert.Equal("error=\"invalid_token\", error_description=\"issuer not accepted\"", issuerChallenge);
        Assert.Equal("error=\"invalid_token\", error_description=\"app client not accepted\"", clientChallenge);
        foreach (var secret in new[] { PoolId, OtherPoolId, ClientId, OtherClientId, "cognito-idp" })
        {
            Assert.DoesNotContain(secret, issuerChallenge + clientChallenge, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Staging", false)]
    [InlineData("Production", false)]
    public async Task Request_HostEnvironment_DetailedErrorsOnlyInDevelopment(string environment, bool detailed)
    {
        using var host = await StartAsync(environment: environment);

        using var response = await Send(host, "/me", Hs256WithPublicKey());

        var expected = detailed ? "The token's alg 'HS256' is not allowed; expected 'RS256'." : "algorithm not accepted";
        Assert.Equal($"error=\"invalid_token\", error_description=\"{expected}\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }

    [Fact]
    public async Task Request_ValidAccessToken_200WithCognitoClaimNames()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/me", Access());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"alice|{Subject}|{ClientId}|admin,staff|aws.cognito.signin.user.admin,orders/read|True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_NoToken_401WithoutErrorDescription()
    {
        using var host = await StartAsync();

        using var response = await host.GetTestClient().GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Request_IdTokenScheme_AcceptsIdTokenOnly()
    {
        using var host = await StartAsync();

        using var ok = await Send(host, "/id/me", Id());
        using var rejected = await Send(host, "/id/me", Access());

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
    }

    [Fact]
    public async Task Request_GroupPolicySatisfied_200()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/admin", Access());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_GroupPolicyNotSatisfied_403()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/admin", Sign(Header(), AccessPayload().With("cognito:groups", new[] { "staff" })));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Request_RoleAttribute_ChecksCognitoGroups()
    {
        using var host = await StartAsync();

        using var member = await Send(host, "/role", Access());
        using var outsider = await Send(host, "/role", Sign(Header(), AccessPayload().Without("cognito:groups")));

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
    }

    [Fact]
    public async Task Request_ScopePolicySatisfied_200()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/orders", Access());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_ScopePolicyNotSatisfied_403()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/orders", Sign(Header(), AccessPayload().With("scope", "aws.cognito.signin.user.admin")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Request_ScopePolicyOnIdToken_403()
    {
        using var host = await StartAsync();

        using var response = await Send(host, "/id/orders", Id());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Request_AppChallengeEvent_StillCalledAfterOurDescription()
    {
        string? seen = null;
        using var host = await StartAsync(services => services.Configure<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(
            CognitoAuthenticationDefaults.AuthenticationScheme,
            o => o.Events = new Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents
            {
                OnChallenge = context =>
                {
                    seen = context.ErrorDescription;
                    return Task.CompletedTask;
                },
            }));

        using var response = await Send(host, "/me", Hs256WithPublicKey());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("algorithm not accepted", seen);
    }

    [Fact]
    public async Task Request_JwksDownFromTheStart_401NotServerError()
    {
        using var host = await StartAsync(jwks: new FakeJwksHandler { FailWith = HttpStatusCode.ServiceUnavailable });

        using var response = await Send(host, "/me", Access());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error=\"invalid_token\", error_description=\"signing key not found\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.Contains(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Exception?.Message.Contains($"No signing keys are loaded for user pool '{PoolId}'", StringComparison.Ordinal) ?? false);
    }

    private static async Task<HttpResponseMessage> Send(IHost host, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.GetTestClient().SendAsync(request);
    }

    private static async Task<IHost> StartAsync(Action<IServiceCollection>? configure = null, FakeJwksHandler? jwks = null, string environment = "Production")
    {
        jwks ??= new FakeJwksHandler();
        var host = new HostBuilder()
            .UseEnvironment(environment)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    ValidatorHarness.Register(services, jwks, new FakeTimeProvider(Now));
                    services.AddRouting();
                    services.AddAuthentication(CognitoAuthenticationDefaults.AuthenticationScheme)
                        .AddCognitoJwtBearer()
                        .AddCognitoJwtBearer("CognitoId", o => o.TokenUse = CognitoTokenUse.Id);
                    services.AddAuthorizationBuilder()
                        .AddPolicy("admins", p => p.RequireCognitoGroup("admin"))
                        .AddPolicy("orders-read", p => p.RequireCognitoScope("orders/read", "orders/write"))
                        .AddPolicy("id-orders", p => p.AddAuthenticationSchemes("CognitoId").RequireCognitoScope("orders/read"))
                        .AddPolicy("id-user", p => p.AddAuthenticationSchemes("CognitoId").RequireAuthenticatedUser());
                    configure?.Invoke(services);
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e =>
                    {
                        e.MapGet("/me", (ClaimsPrincipal user) => string.Join('|', [
                            user.Identity!.Name,
                            user.FindFirstValue(CognitoClaimTypes.Subject),
                            user.FindFirstValue(CognitoClaimTypes.ClientId),
                            string.Join(',', user.FindAll(CognitoClaimTypes.Groups).Select(c => c.Value)),
                            string.Join(',', user.FindAll(CognitoClaimTypes.Scope).Select(c => c.Value)),
                            (user.FindFirst(ClaimTypes.NameIdentifier) is null).ToString()])).RequireAuthorization();
                        e.MapGet("/id/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization("id-user");
                        e.MapGet("/admin", () => "ok").RequireAuthorization("admins");
                        e.MapGet("/role", () => "ok").RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = "admin" });
                        e.MapGet("/orders", () => "ok").RequireAuthorization("orders-read");
                        e.MapGet("/id/orders", () => "ok").RequireAuthorization("id-orders");
                    });
                }))
            .Build();
        await host.StartAsync();
        return host;
    }
}
