namespace Exanubes.Cognito.Sample.WebApp.Auth;

/// <summary>
/// Lets the browser's HttpOnly access-token cookie authenticate like an <c>Authorization: Bearer</c> header, so one
/// bearer scheme (our Cognito validation) serves both pages and API. An explicit Authorization header always wins.
/// </summary>
internal static class CookieBearerBridge
{
    public static IApplicationBuilder UseAccessTokenCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Cookies.TryGetValue(TokenCookies.Access, out var token)
            && !string.IsNullOrEmpty(token))
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        await next(context).ConfigureAwait(false);
    });
}
