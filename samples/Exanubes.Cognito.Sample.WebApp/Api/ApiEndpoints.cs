using Exanubes.Cognito;
using Exanubes.Cognito.Sample.WebApp.Auth;

namespace Exanubes.Cognito.Sample.WebApp.Api;

/// <summary>
/// The JSON API: the same story for programs. Failures are ProblemDetails; protected endpoints take
/// <c>Authorization: Bearer &lt;access token&gt;</c> (or the browser's cookie).
/// </summary>
internal static class ApiEndpoints
{
    public static void MapDemoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        var auth = api.MapGroup("/auth").RequireRateLimiting(DemoApp.AuthRateLimit);

        auth.MapPost("/signup", async (SignUpBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.SignUpAsync(new CognitoSignUpRequest
            {
                Username = body.Email,
                Password = body.Password,
                Attributes = new Dictionary<string, string> { ["email"] = body.Email },
            }, await DemoCallContext.ForAsync(http, ct), ct), r => new { userSub = r.UserSub, userConfirmed = r.UserConfirmed, destination = r.CodeDelivery?.Destination }));

        auth.MapPost("/confirm", async (ConfirmBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.ConfirmSignUpAsync(body.Username, body.Code, await DemoCallContext.ForAsync(http, ct), ct)));

        auth.MapPost("/resend", async (UsernameBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.ResendConfirmationCodeAsync(body.Username, await DemoCallContext.ForAsync(http, ct), ct), d => new { destination = d.Destination }));

        auth.MapPost("/signin", async (SignInBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
        {
            var result = await cognito.SignInAsync(body.Username, body.Password, await DemoCallContext.ForAsync(http, ct), ct);
            if (!result.Succeeded)
            {
                return CognitoErrors.Problem(result.Error);
            }

            return result.Value.IsSignedIn
                ? Results.Ok(Tokens(result.Value.Tokens))
                : Results.Ok(new { challenge = result.Value.NextStep.Name, session = result.Value.NextStep.Session });
        });

        auth.MapPost("/refresh", async (RefreshBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.RefreshAsync(body.RefreshToken, body.Username, await DemoCallContext.ForAsync(http, ct), ct), Tokens));

        auth.MapPost("/forgot-password", async (UsernameBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.ForgotPasswordAsync(body.Username, await DemoCallContext.ForAsync(http, ct), ct), d => new { destination = d.Destination }));

        auth.MapPost("/reset-password", async (ResetBody body, ICognitoAuthService cognito, HttpContext http, CancellationToken ct) =>
            Answer(await cognito.ConfirmForgotPasswordAsync(body.Username, body.Code, body.NewPassword, await DemoCallContext.ForAsync(http, ct), ct)));

        auth.MapPost("/change-password", async (ChangeBody body, HttpContext context, ICognitoAuthService cognito, CancellationToken ct) =>
            Answer(await cognito.ChangePasswordAsync(BearerToken(context), body.PreviousPassword, body.ProposedPassword, ct)))
            .RequireAuthorization();

        auth.MapPost("/signout", async (SignOutBody? body, HttpContext context, ICognitoAuthService cognito, CancellationToken ct) =>
        {
            var refresh = body?.RefreshToken ?? context.Request.Cookies[TokenCookies.Refresh];
            if (!string.IsNullOrEmpty(refresh))
            {
                var revoked = await cognito.RevokeTokenAsync(refresh, ct);
                if (!revoked.Succeeded)
                {
                    return CognitoErrors.Problem(revoked.Error);
                }
            }

            TokenCookies.Clear(context);
            return Results.NoContent();
        }).RequireAuthorization();

        api.MapGet("/me", (HttpContext context) =>
        {
            var claims = TokenClaims.From(context.User);
            return Results.Ok(new
            {
                sub = claims.Subject,
                username = claims.Username,
                groups = claims.Groups,
                tokenUse = claims.TokenUse,
                expiresAt = claims.ExpiresAt,
                clientId = claims.ClientId,
            });
        }).RequireAuthorization();

        api.MapGet("/admin", (HttpContext context) => Results.Ok(new { message = "Welcome, admin.", sub = TokenClaims.From(context.User).Subject }))
            .RequireAuthorization(DemoApp.AdminPolicy);
    }

    private static object Tokens(CognitoTokens tokens) => new
    {
        accessToken = tokens.AccessToken,
        idToken = tokens.IdToken,
        refreshToken = tokens.RefreshToken,
        tokenType = tokens.TokenType,
        expiresIn = (int)tokens.ExpiresIn.TotalSeconds,
        username = tokens.Username,
    };

    private static string BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
    }

    private static IResult Answer(CognitoResult result) => result.Succeeded ? Results.NoContent() : CognitoErrors.Problem(result.Error);

    private static IResult Answer<T>(CognitoResult<T> result, Func<T, object> project)
        where T : class => result.Succeeded ? Results.Ok(project(result.Value)) : CognitoErrors.Problem(result.Error);

    /// <summary>A request body holding passwords, codes or tokens: it never prints its values.</summary>
    internal abstract record SecretBody
    {
        public sealed override string ToString() => GetType().Name + " { (redacted) }";
    }

    internal sealed record SignUpBody(string Email, string Password) : SecretBody;

    internal sealed record ConfirmBody(string Username, string Code) : SecretBody;

    internal sealed record UsernameBody(string Username);

    internal sealed record SignInBody(string Username, string Password) : SecretBody;

    internal sealed record RefreshBody(string RefreshToken, string? Username) : SecretBody;

    internal sealed record ResetBody(string Username, string Code, string NewPassword) : SecretBody;

    internal sealed record ChangeBody(string PreviousPassword, string ProposedPassword) : SecretBody;

    internal sealed record SignOutBody(string? RefreshToken) : SecretBody;
}
