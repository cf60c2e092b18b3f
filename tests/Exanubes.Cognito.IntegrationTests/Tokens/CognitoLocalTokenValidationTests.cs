using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exanubes.Cognito.IntegrationTests.Tokens;

/// <summary>Tokens issued by a real cognito-local, validated with keys fetched from its JWKS endpoint.</summary>
public sealed class CognitoLocalTokenValidationTests : IClassFixture<CognitoLocalTokenFixture>
{
    private readonly CognitoLocalTokenFixture _cognito;

    public CognitoLocalTokenValidationTests(CognitoLocalTokenFixture cognito)
    {
        _cognito = cognito;
    }

    [Fact]
    public void Issuer_OfCognitoLocal_IsHostPortAndPool()
    {
        var iss = CognitoLocalTokenFixture.Payload(_cognito.AccessToken).GetProperty("iss").GetString();

        Assert.Equal($"http://127.0.0.1:{_cognito.Port}/{_cognito.UserPoolId}", iss);
    }

    [Fact]
    public async Task ValidateAccessTokenAsync_RealCognitoLocalToken_AcceptedWithTypedClaims()
    {
        await using var services = Services();
        var validator = services.GetRequiredService<ICognitoTokenValidator>();

        var token = await validator.ValidateAccessTokenAsync(_cognito.AccessToken);

        Assert.Equal(CognitoTokenUse.Access, token.TokenUse);
        Assert.Equal(_cognito.UserPoolId, token.UserPoolId);
        Assert.Equal(_cognito.ClientId, token.ClientId);
        Assert.Equal("CognitoLocal", token.KeyId);
        Assert.Equal(_cognito.UserPoolId, token.UserPoolId);
        Assert.Equal(CognitoLocalTokenFixture.Payload(_cognito.AccessToken).GetProperty("sub").GetString(), token.Subject);
        Assert.Equal(["admin"], token.Groups);
        Assert.Contains("aws.cognito.signin.user.admin", token.Scopes);
    }

    [Fact]
    public async Task ValidateIdTokenAsync_RealCognitoLocalToken_AcceptedWithAudAsClient()
    {
        await using var services = Services();
        var validator = services.GetRequiredService<ICognitoTokenValidator>();

        var token = await validator.ValidateIdTokenAsync(_cognito.IdToken);

        Assert.Equal(CognitoTokenUse.Id, token.TokenUse);
        Assert.Equal(_cognito.ClientId, token.ClientId);
        Assert.Equal(CognitoLocalTokenFixture.Username, token.CreatePrincipal().FindFirstValue(CognitoClaimTypes.Email));
    }

    [Fact]
    public async Task ValidateAsync_RealTokensSwapped_RejectedByTokenUse()
    {
        await using var services = Services();
        var validator = services.GetRequiredService<ICognitoTokenValidator>();

        await Assert.ThrowsAsync<CognitoTokenUseException>(async () => await validator.ValidateAccessTokenAsync(_cognito.IdToken));
        await Assert.ThrowsAsync<CognitoTokenUseException>(async () => await validator.ValidateIdTokenAsync(_cognito.AccessToken));
    }

    [Fact]
    public async Task ValidateAccessTokenAsync_OtherAppClientOfSamePool_Rejected()
    {
        var other = await _cognito.CallAsync("CreateUserPoolClient", new System.Text.Json.Nodes.JsonObject { ["UserPoolId"] = _cognito.UserPoolId, ["ClientName"] = "other" });
        var otherClient = other["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var auth = await _cognito.CallAsync("InitiateAuth", new System.Text.Json.Nodes.JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = otherClient,
            ["AuthParameters"] = new System.Text.Json.Nodes.JsonObject { ["USERNAME"] = CognitoLocalTokenFixture.Username, ["PASSWORD"] = CognitoLocalTokenFixture.Password },
        });
        await using var services = Services();
        var validator = services.GetRequiredService<ICognitoTokenValidator>();

        var error = await Assert.ThrowsAsync<CognitoTokenClientException>(
            async () => await validator.ValidateAccessTokenAsync(auth["AuthenticationResult"]!["AccessToken"]!.GetValue<string>()));

        Assert.Equal(otherClient, error.Actual);
    }

    [Fact]
    public async Task AuthorizeEndpoint_RealCognitoLocalToken_200And401()
    {
        using var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    Configure(services);
                    services.AddRouting();
                    services.AddAuthentication().AddCognitoJwtBearer();
                    services.AddAuthorizationBuilder().AddPolicy("admins", p => p.RequireCognitoGroup("admin"));
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapGet("/me", (ClaimsPrincipal user) => user.FindFirstValue(CognitoClaimTypes.Username)).RequireAuthorization("admins"));
                }))
            .Build();
        await host.StartAsync();
        var client = host.GetTestClient();

        using var ok = await Get(client, _cognito.AccessToken);
        using var idToken = await Get(client, _cognito.IdToken);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(CognitoLocalTokenFixture.Payload(_cognito.AccessToken).GetProperty("username").GetString(), await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, idToken.StatusCode);
        Assert.Equal("error=\"invalid_token\", error_description=\"token_use not accepted\"", Assert.Single(idToken.Headers.WwwAuthenticate).Parameter);
        await host.StopAsync();
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        Configure(services);
        return services.BuildServiceProvider();
    }

    private void Configure(IServiceCollection services)
    {
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = _cognito.UserPoolId;
            o.ClientId = _cognito.ClientId;
            o.ServiceUrl = _cognito.ServiceUrl;
        });
        services.AddCognitoTokenValidation();
    }
}
