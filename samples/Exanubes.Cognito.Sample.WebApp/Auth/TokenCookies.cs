using Exanubes.Cognito;

namespace Exanubes.Cognito.Sample.WebApp.Auth;

/// <summary>
/// The browser keeps its Cognito tokens in cookies the page's scripts cannot read (HttpOnly), that are sent to this
/// site only (SameSite=Strict) and only over HTTPS when the site is served over HTTPS (Secure).
/// </summary>
internal static class TokenCookies
{
    public const string Access = "demo_access";
    public const string Refresh = "demo_refresh";
    public const string Username = "demo_user";

    public static void Write(HttpContext context, CognitoTokens tokens, string? username)
    {
        var expires = DateTimeOffset.UtcNow + (tokens.ExpiresIn > TimeSpan.Zero ? tokens.ExpiresIn : TimeSpan.FromHours(1));
        context.Response.Cookies.Append(Access, tokens.AccessToken, Options(context, expires));
        if (tokens.RefreshToken is not null)
        {
            context.Response.Cookies.Append(Refresh, tokens.RefreshToken, Options(context, DateTimeOffset.UtcNow.AddDays(30)));
        }

        if (username is not null)
        {
            context.Response.Cookies.Append(Username, username, Options(context, DateTimeOffset.UtcNow.AddDays(30)));
        }
    }

    public static void Clear(HttpContext context)
    {
        foreach (var name in new[] { Access, Refresh, Username })
        {
            context.Response.Cookies.Delete(name, Options(context, null));
        }
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
