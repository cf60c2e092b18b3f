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
        Assert.Equal($"error=\"invalid_token\", error_description=\"{crafted.Message}\"", challenge.Parameter);
        var logs = host.Services.GetFakeLogCollector().GetSnapshot();
        foreach (var part in crafted.Token.Split('.').Where(p => p.Length > 8))
        {
            Assert.DoesNotContain(logs, r => r.Message.Contains(part, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(part, StringComparison.Ordinal) ?? false));
        }
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
        Assert.Equal("The token's alg 'HS256' is not allowed; expected 'RS256'.", seen);
    }

    [Fact]
    public async Task Request_JwksDownFromTheStart_401NotServerError()
    {
        using var host = await StartAsync(jwks: new FakeJwksHandler { FailWith = HttpStatusCode.ServiceUnavailable });

        using var response = await Send(host, "/me", Access());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"No signing keys are loaded for user pool '{PoolId}'", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Send(IHost host, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.GetTestClient().SendAsync(request);
    }

    private static async Task<IHost> StartAsync(Action<IServiceCollection>? configure = null, FakeJwksHandler? jwks = null)
    {
        jwks ??= new FakeJwksHandler();
        var host = new HostBuilder()
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
