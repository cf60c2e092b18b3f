using System.Globalization;
using System.Threading.RateLimiting;
using Exanubes.Cognito.Sample.WebApp.Api;
using Exanubes.Cognito.Sample.WebApp.Auth;
using Exanubes.Cognito.Sample.WebApp.Pages;
using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.Devices;
using Microsoft.AspNetCore.RateLimiting;

namespace Exanubes.Cognito.Sample.WebApp;

/// <summary>
/// The demo web app: pages and a JSON API over <c>AddCognitoAuth</c> (Cognito calls) and the Cognito bearer validation
/// (every protected request). Pointed at cognito-local by the local stack, or at a real user pool by configuration
/// alone (<c>Cognito:UserPoolId</c> and <c>Cognito:ClientId</c> from the CDK outputs).
/// </summary>
public static class DemoApp
{
    internal const string AuthRateLimit = "auth";
    internal const string AdminPolicy = "admins";

    /// <summary>
    /// Builds the app. <paramref name="settings"/> override configuration (the local stack passes its pool, client and
    /// URLs); <paramref name="logging"/> adds logging providers (the tests collect every record to prove no secret is logged).
    /// </summary>
    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? settings = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DemoApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Request logs would carry the verification link's query string (the code); keep them out.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        logging?.Invoke(builder.Logging);

        // Cognito calls (sign-up, sign-in, ...) and validation of Cognito access tokens on every protected request.
        builder.Services.AddCognitoAuth(builder.Configuration.GetSection(CognitoAuthOptions.SectionName));
        // The end user's IP, host, path, headers and advanced-security data on every Cognito call (Auth/DemoCallContext).
        // Behind a proxy, add app.UseForwardedHeaders() with that proxy in KnownProxies so the IP is the user's.
        builder.Services.AddCognitoCallContext();
        builder.Services.AddAuthentication(CognitoAuthenticationDefaults.AuthenticationScheme).AddCognitoJwtBearer();

        // "Remember this device": the browser is the device; its device key and secret live in a data-protected cookie.
        builder.Services.AddCognitoDeviceCookieStore();
        var adminGroup = builder.Configuration["Demo:AdminGroup"] ?? "admins";
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireCognitoGroup(adminGroup));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "demo_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<InvalidRequestHandler>();
        builder.Services.AddRateLimiter(options => ConfigureRateLimits(options, builder.Configuration));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer"; // the verification and reset links carry codes
            headers.ContentSecurityPolicy = "default-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            await next(context).ConfigureAwait(false);
        });
        app.UseAccessTokenCookie();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapDemoPages();
        app.MapPasswordlessPages();
        app.MapAccountPages();
        app.MapSmsPages();
        app.MapDemoApi();
        return app;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = int.Parse(configuration["Demo:RateLimit:PermitLimit"] ?? "30", CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(int.Parse(configuration["Demo:RateLimit:WindowSeconds"] ?? "60", CultureInfo.InvariantCulture));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            context.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "TooManyRequests",
                    detail: "Too many attempts. Wait a little and try again.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await Html.Page(context, "Slow down", Html.Notice("error", "Too many attempts. Wait a minute and try again."), StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context).ConfigureAwait(false);
        };
    }
}
