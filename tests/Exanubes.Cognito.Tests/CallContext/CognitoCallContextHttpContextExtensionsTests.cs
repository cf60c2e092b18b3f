using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Tests.CallContext;

/// <summary>
/// <c>HttpContext.GetCognitoCallContextAsync()</c> in a real ASP.NET Core pipeline (TestServer): the IP is the
/// connection's unless the app's ForwardedHeaders middleware rewrote it, headers follow the allow-list, and the
/// advanced-security data passes through unchanged.
/// </summary>
public sealed class CognitoCallContextHttpContextExtensionsTests
{
    private const string ProxyIp = "10.0.0.5";
    private const string ClientIp = "203.0.113.9";

    [Fact]
    public async Task GetCognitoCallContextAsync_NoForwardedHeadersConfigured_IgnoresXForwardedFor()
    {
        await using var app = await StartAsync(forwardedHeaders: false);

        var context = await CallAsync(app, request =>
        {
            request.Headers["X-Forwarded-For"] = ClientIp;
        });

        Assert.Equal(ProxyIp, context.IpAddress);
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_ForwardedHeadersFromAKnownProxy_UsesTheClientIp()
    {
        await using var app = await StartAsync(forwardedHeaders: true);

        var context = await CallAsync(app, request => request.Headers["X-Forwarded-For"] = ClientIp);

        Assert.Equal(ClientIp, context.IpAddress);
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_ServerNamePathAndAllowedHeaders_NeverCredentials()
    {
        await using var app = await StartAsync(forwardedHeaders: false);

        var context = await CallAsync(app, request =>
        {
            request.Headers.UserAgent = "Mozilla/5.0 (test)";
            request.Headers.AcceptLanguage = "de-DE";
            request.Headers.Authorization = "Bearer secret-token";
            request.Headers.Cookie = "session=secret-cookie";
            request.Headers["X-Other"] = "not allowed";
        });

        Assert.Equal("app.example.com", context.ServerName);
        Assert.Equal("/account/sign-in", context.ServerPath);
        Assert.Contains(new KeyValuePair<string, string>("User-Agent", "Mozilla/5.0 (test)"), context.HttpHeaders);
        Assert.Contains(new KeyValuePair<string, string>("Accept-Language", "de-DE"), context.HttpHeaders);
        Assert.DoesNotContain(context.HttpHeaders, h => h.Value.Contains("secret", StringComparison.Ordinal));
        Assert.DoesNotContain(context.HttpHeaders, h => h.Key == "X-Other");
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_FormField_PassesEncodedDataThroughUnchanged()
    {
        await using var app = await StartAsync(forwardedHeaders: false);
        const string data = "eyJwYXlsb2FkIjoie1wiY29udGV4dERhdGFcIjp7fX0iLCJzaWduYXR1cmUiOiJhKz0vIn0=";

        var context = await CallAsync(app, request =>
        {
            request.Method = "POST";
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("username=alice&cognitoAsfData=" + Uri.EscapeDataString(data)));
        });

        Assert.Equal(data, context.EncodedData);
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_Header_PassesEncodedDataThroughUnchanged()
    {
        await using var app = await StartAsync(forwardedHeaders: false);

        var context = await CallAsync(app, request => request.Headers["X-Cognito-Asf-Data"] = "from-header+/=");

        Assert.Equal("from-header+/=", context.EncodedData);
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_EncodedDataOverTheLimit_NotSent()
    {
        await using var app = await StartAsync(forwardedHeaders: false, o => o.MaxEncodedDataLength = 8);

        var context = await CallAsync(app, request => request.Headers["X-Cognito-Asf-Data"] = "123456789");

        Assert.Null(context.EncodedData);
    }

    [Fact]
    public async Task GetCognitoCallContextAsync_ClientMetadata_IsCarried()
    {
        await using var app = await StartAsync(forwardedHeaders: false);

        var context = await CallAsync(app, _ => { }, "?locale=pl-PL");

        Assert.Equal("pl-PL", context.ClientMetadata!["locale"]);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("cookie")]
    [InlineData("Proxy-Authorization")]
    public async Task AddCognitoCallContext_CredentialHeaderAllowed_FailsAtStartUpNamingTheOption(string header)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(forwardedHeaders: false, o => o.Headers.Add(header)));

        Assert.Contains("AllowCredentialHeaders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCognitoCallContext_CredentialHeaderExplicitlyAllowed_IsSent()
    {
        await using var app = await StartAsync(forwardedHeaders: false, o =>
        {
            o.Headers.Add("Authorization");
            o.AllowCredentialHeaders = true;
        });

        var context = await CallAsync(app, request => request.Headers.Authorization = "Bearer x");

        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Bearer x"), context.HttpHeaders);
    }

    private static async Task<WebApplication> StartAsync(bool forwardedHeaders, Action<CognitoCallContextOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCognitoCallContext(configure);
        if (forwardedHeaders)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
                o.KnownProxies.Add(IPAddress.Parse(ProxyIp));
            });
        }

        var app = builder.Build();
        if (forwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.Map("/account/sign-in", async (HttpContext http) =>
        {
            var metadata = http.Request.Query.TryGetValue("locale", out var locale) ? new Dictionary<string, string> { ["locale"] = locale.ToString() } : null;
            var context = await http.GetCognitoCallContextAsync(metadata, http.RequestAborted);
            return Results.Json(new Snapshot(context.IpAddress, context.EncodedData, context.ServerName, context.ServerPath, [.. context.HttpHeaders], context.ClientMetadata?.ToDictionary()));
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static async Task<CognitoCallContext> CallAsync(WebApplication app, Action<HttpRequest> configure, string query = "")
    {
        var http = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(ProxyIp);
            c.Request.Method = "GET";
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("app.example.com");
            c.Request.Path = "/account/sign-in";
            c.Request.QueryString = new QueryString(query);
            configure(c.Request);
        });
        Assert.Equal(200, http.Response.StatusCode);
        var snapshot = (await JsonSerializer.DeserializeAsync<Snapshot>(http.Response.Body, JsonSerializerOptions.Web))!;
        return new CognitoCallContext
        {
            IpAddress = snapshot.IpAddress,
            EncodedData = snapshot.EncodedData,
            ServerName = snapshot.ServerName,
            ServerPath = snapshot.ServerPath,
            HttpHeaders = snapshot.Headers,
            ClientMetadata = snapshot.ClientMetadata,
        };
    }

    private sealed record Snapshot(string? IpAddress, string? EncodedData, string? ServerName, string? ServerPath, List<KeyValuePair<string, string>> Headers, Dictionary<string, string>? ClientMetadata);
}
