using System.Net;
using Amazon.Runtime;
using Exanubes.Cognito.IntegrationTests.CognitoLocal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.CallContext;

/// <summary>
/// The end user's request context, taken by <c>HttpContext.GetCognitoCallContextAsync()</c> in a real ASP.NET Core
/// pipeline, reaches the local Cognito: the emulator's capture seam (request-context-capture.js) records the
/// <c>UserContextData</c> of the sign-in it received.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CallContextAtTheEmulatorTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Theory]
    [InlineData(false, "198.51.100.23")]
    [InlineData(true, "203.0.113.77")]
    public async Task SignIn_FromARequest_CarriesTheRequestsIpInUserContextData(bool behindProxy, string expectedIp)
    {
        var pool = await cognito.CreatePoolAsync();
        var username = "ctx-" + Guid.NewGuid().ToString("N")[..8];
        await using var app = await StartAppAsync(pool, behindProxy);
        var auth = app.Services.GetRequiredService<ICognitoAuthService>();
        (await auth.SignUpAsync(new CognitoSignUpRequest { Username = username, Password = Password, Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" } })).EnsureSuccess();
        (await app.Services.GetRequiredService<ICognitoAdminService>().ConfirmSignUpAsync(username)).EnsureSuccess();

        var http = await app.GetTestServer().SendAsync(c =>
        {
            // Without a proxy the client itself connects; behind one, the proxy connects and names the client in
            // X-Forwarded-For, which only the ForwardedHeaders middleware (configured for that proxy) may honour.
            c.Connection.RemoteIpAddress = IPAddress.Parse(behindProxy ? "10.1.2.3" : expectedIp);
            c.Request.Headers["X-Forwarded-For"] = behindProxy ? expectedIp : "192.0.2.66";
            c.Request.Headers["X-Cognito-Asf-Data"] = "asf-" + username;
            c.Request.Method = "POST";
            c.Request.Path = "/sign-in";
            c.Request.QueryString = new QueryString("?username=" + username);
        });
        Assert.Equal(200, http.Response.StatusCode);

        var received = cognito.ReceivedContexts().Where(c => (string?)c["UserContextData"]?["EncodedData"] == "asf-" + username).ToList();
        var signIn = Assert.Single(received);
        Assert.Equal("InitiateAuth", (string?)signIn["target"]);
        Assert.Equal(expectedIp, (string?)signIn["UserContextData"]!["IpAddress"]);
        Assert.Equal("de-DE", (string?)signIn["ClientMetadata"]!["locale"]);
    }

    private async Task<WebApplication> StartAppAsync(CognitoLocalPool pool, bool behindProxy)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        builder.Services.AddCognitoAuth(options =>
        {
            options.UserPoolId = pool.UserPoolId;
            options.ClientId = pool.ClientId;
            options.ServiceUrl = cognito.Endpoint;
        });
        builder.Services.AddCognitoCallContext();
        if (behindProxy)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
                o.KnownProxies.Add(IPAddress.Parse("10.1.2.3"));
            });
        }

        var app = builder.Build();
        if (behindProxy)
        {
            app.UseForwardedHeaders();
        }

        app.MapPost("/sign-in", async (HttpContext http, ICognitoAuthService auth) =>
        {
            var context = await http.GetCognitoCallContextAsync(new Dictionary<string, string> { ["locale"] = "de-DE" }, http.RequestAborted);
            var result = await auth.SignInAsync(http.Request.Query["username"].ToString(), Password, context, http.RequestAborted);
            return result.Succeeded ? Results.Ok() : Results.Problem(result.Error.Type);
        });
        await app.StartAsync();
        return app;
    }
}
