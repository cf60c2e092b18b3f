using System.Security.Cryptography;
using System.Text.Json;
using Exanubes.Cognito;
using Microsoft.AspNetCore.DataProtection;

namespace Exanubes.Cognito.Sample.WebApp.Auth;

/// <summary>
/// The sign-in step Cognito is waiting for (an email code, a passkey, an MFA code) between two pages: its challenge
/// name, session, user name and parameters in one data-protected, HttpOnly, SameSite=Strict cookie that lives five
/// minutes. The session never reaches the page's HTML or scripts.
/// </summary>
internal static class PendingSignIn
{
    public const string Cookie = "demo_pending";
    private const string Purpose = "Exanubes.Cognito.Sample.WebApp.PendingSignIn";

    public static void Save(HttpContext context, CognitoChallenge challenge)
    {
        var state = new State(challenge.Name, challenge.Session, challenge.Username, challenge.Parameters.ToDictionary());
        var protectedValue = Protector(context).Protect(JsonSerializer.Serialize(state));
        context.Response.Cookies.Append(Cookie, protectedValue, Options(context, DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    /// <summary>The waiting step, or null when there is none (expired, absent or tampered with).</summary>
    public static CognitoChallenge? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<State>(Protector(context).Unprotect(value));
            return state is null ? null : new CognitoChallenge(state.Name, state.Session, state.Username, state.Parameters);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext context)
    {
        if (context.Request.Cookies.ContainsKey(Cookie))
        {
            context.Response.Cookies.Delete(Cookie, Options(context, null));
        }
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    private sealed record State(string Name, string? Session, string Username, Dictionary<string, string> Parameters);
}
