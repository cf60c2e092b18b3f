using Exanubes.Cognito;
using Exanubes.Cognito.Sample.WebApp.Api;
using Exanubes.Cognito.Sample.WebApp.Auth;
using static Exanubes.Cognito.Sample.WebApp.Pages.Html;

namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>The pages a person walks through: sign up, verify by the emailed link, sign in, see the token, sign out, reset the password.</summary>
internal static class PageEndpoints
{
    public static void MapDemoPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home);
        app.MapGet("/signup", (HttpContext c) => SignUpPage(c, null, null));
        app.MapPost("/signup", SignUpAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/verify", VerifyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/resend", ResendAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/signin", (HttpContext c, string? reason, string? returnUrl) => SignInPage(c, ReasonText(reason), null, returnUrl));
        app.MapPost("/signin", SignInAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/me", Me);
        app.MapGet("/admin", Admin);
        app.MapPost("/refresh", RefreshAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/signout", SignOutAsync);
        app.MapGet("/forgot-password", (HttpContext c) => ForgotPage(c, null, null));
        app.MapPost("/forgot-password", ForgotAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/reset-password", (HttpContext c, string? code, string? username) => ResetPage(c, code, username, null));
        app.MapPost("/reset-password", ResetAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/change-password", (HttpContext c) => SignedIn(c) ? ChangePage(c, null, null) : ToSignIn("/change-password"));
        app.MapPost("/change-password", ChangeAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
    }

    private static IResult Home(HttpContext context) => Page(context, "Welcome", SignedIn(context)
        ? "<p>You are signed in. <a href=\"/me\">See what your token says</a>.</p>"
        : """
          <p>This demo walks a Cognito user pool's whole story: sign up, get the verification email, click its link, sign in
          and call a protected API. Every step goes through the Exanubes.Cognito libraries.</p>
          <p><a href="/signup">Create an account</a> · <a href="/signin">Sign in</a> · <a href="/forgot-password">Forgot your password?</a></p>
          """);

    private static IResult SignUpPage(HttpContext context, string? error, string? email, int status = 200) => Page(context, "Create an account",
        Notice("error", error) + Form(context, "/signup",
            Input("email", "Email", "email", email, "username") + Input("password", "Password", "password", null, "new-password") +
            "<p class=\"muted\">At least 8 characters with upper and lower case letters, a digit and a symbol.</p><button id=\"signup\">Sign up</button>") +
        "<p class=\"muted\"><a href=\"/signup-phone\" id=\"to-signup-phone\">Sign up with a phone number instead</a> (the code comes by SMS).</p>", status);

    private static async Task<IResult> SignUpAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var result = await cognito.SignUpAsync(new CognitoSignUpRequest
        {
            Username = email,
            Password = password,
            Attributes = new Dictionary<string, string> { ["email"] = email },
        }, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return SignUpPage(context, CognitoErrors.ForPeople(result.Error), email, CognitoErrors.StatusFor(result.Error));
        }

        return CheckInbox(context, email, "Check your inbox", $"We sent a verification link to {email}. Open it to verify your account.");
    }

    private static IResult CheckInbox(HttpContext context, string email, string title, string message) => Page(context, title,
        Notice("info", message) +
        "<p class=\"muted\">No email after a minute? Send a new link:</p>" +
        Form(context, "/resend", Hidden("username", email) + "<button class=\"secondary\" id=\"resend\">Send a new link</button>"));

    private static async Task<IResult> VerifyAsync(HttpContext context, string? code, string? username, ICognitoAuthService cognito)
    {
        if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(username))
        {
            return Page(context, "Verify your email", Notice("error", "This link is incomplete. Open the link from the email again."), 400);
        }

        var result = await cognito.ConfirmSignUpAsync(username, code, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return Page(context, "Verify your email", Notice("error", CognitoErrors.ForPeople(result.Error)) +
                Form(context, "/resend", Hidden("username", username) + "<button class=\"secondary\" id=\"resend\">Send a new link</button>"),
                CognitoErrors.StatusFor(result.Error));
        }

        return Page(context, "Email verified", Notice("ok", "Your account is verified. You can sign in now.") +
            "<p><a href=\"/signin\" id=\"to-signin\">Sign in</a></p>");
    }

    private static async Task<IResult> ResendAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var username = form["username"].ToString();
        var result = await cognito.ResendConfirmationCodeAsync(username, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        return result.Succeeded
            ? CheckInbox(context, username, "Check your inbox", "We sent a new verification link. Only the newest link works.")
            : Page(context, "Verify your email", Notice("error", CognitoErrors.ForPeople(result.Error)), CognitoErrors.StatusFor(result.Error));
    }

    private static IResult SignInPage(HttpContext context, string? info, string? error, string? returnUrl, string? email = null, string? unconfirmed = null, int status = 200) =>
        Page(context, "Sign in",
            Notice("info", info) + Notice("error", error) +
            (unconfirmed is null ? string.Empty : Form(context, "/resend", Hidden("username", unconfirmed) + "<button class=\"secondary\" id=\"resend\">Send a new verification link</button>")) +
            Form(context, "/signin",
                Hidden("returnUrl", returnUrl) + Input("email", "Email", "email", email, "username") + Input("password", "Password", "password", null, "current-password") +
                "<button id=\"signin\">Sign in</button>") +
            "<p>Or without a password: <a href=\"/signin/code\" id=\"to-code\">Sign in with a code by email</a> · <a href=\"/signin/passkey\" id=\"to-passkey\">Sign in with a passkey</a></p>" +
            "<p class=\"muted\"><a href=\"/forgot-password\">Forgot your password?</a> · <a href=\"/signup\">Create an account</a></p>", status);

    private static async Task<IResult> SignInAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var email = form["email"].ToString().Trim();
        var returnUrl = LocalOnly(form["returnUrl"].ToString());
        // SRP: the password never leaves the server, and a remembered device (device SRP) can skip MFA.
        var result = await cognito.SignInWithSrpAsync(email, form["password"].ToString(), await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            var unconfirmed = result.Error.Code == CognitoErrorCode.UserNotConfirmed ? email : null;
            return SignInPage(context, null, CognitoErrors.ForPeople(result.Error), returnUrl, email, unconfirmed, CognitoErrors.StatusFor(result.Error));
        }

        return PasswordlessPages.Continue(context, result.Value, returnUrl);
    }

    private static IResult Me(HttpContext context, string? refreshed)
    {
        if (!SignedIn(context))
        {
            return ToSignIn("/me");
        }

        var claims = TokenClaims.From(context.User);
        var body = Notice("ok", refreshed is null ? null : "Your tokens were refreshed.") +
            "<p>Your access token was validated by Exanubes.Cognito (signature, issuer, expiry, token use and client).</p>" +
            "<table id=\"claims\">" +
            Row("Subject (sub)", claims.Subject, "sub") +
            Row("Username", claims.Username, "username") +
            Row("Groups", claims.Groups.Count == 0 ? "(none)" : string.Join(", ", claims.Groups), "groups") +
            Row("Token use", claims.TokenUse, "token-use") +
            Row("Expires", claims.ExpiresAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture), "expires") +
            Row("Client", claims.ClientId, "client") +
            "</table>" +
            Form(context, "/refresh", "<button class=\"secondary\" id=\"refresh\">Refresh my tokens</button>");
        return Page(context, "Your validated token", body);

        static string Row(string label, string? value, string id) => $"<tr><th>{E(label)}</th><td id=\"claim-{id}\"><code>{E(value)}</code></td></tr>";
    }

    private static IResult Admin(HttpContext context, IConfiguration configuration)
    {
        if (!SignedIn(context))
        {
            return ToSignIn("/admin");
        }

        var group = configuration["Demo:AdminGroup"] ?? "admins";
        return TokenClaims.From(context.User).Groups.Contains(group)
            ? Page(context, "Admins only", Notice("ok", $"You are in the '{group}' group, so you may see this page."))
            : Page(context, "Admins only", Notice("error", $"This page is for members of the '{group}' group. Your token does not list it."), StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, ICognitoAuthService cognito)
    {
        var refresh = context.Request.Cookies[TokenCookies.Refresh];
        if (string.IsNullOrEmpty(refresh))
        {
            return ToSignIn("/me");
        }

        var username = context.Request.Cookies[TokenCookies.Username];
        var result = await cognito.RefreshAsync(refresh, username, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            TokenCookies.Clear(context);
            return SignInPage(context, null, "Your session has ended. Please sign in again.", "/me", status: StatusCodes.Status401Unauthorized);
        }

        TokenCookies.Write(context, result.Value, username);
        return Results.Redirect("/me?refreshed=1");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        _ = form;
        var refresh = context.Request.Cookies[TokenCookies.Refresh];
        if (!string.IsNullOrEmpty(refresh))
        {
            // Revoking the refresh token ends the session at Cognito too; the cookies go either way.
            await cognito.RevokeTokenAsync(refresh, context.RequestAborted);
        }

        TokenCookies.Clear(context);
        return Results.Redirect("/signin?reason=signed-out");
    }

    private static IResult ForgotPage(HttpContext context, string? error, string? email, int status = 200) => Page(context, "Forgot your password?",
        Notice("error", error) + "<p>We will email you a link to choose a new password.</p>" +
        Form(context, "/forgot-password", Input("email", "Email", "email", email, "username") + "<button id=\"forgot\">Email me a link</button>"), status);

    private static async Task<IResult> ForgotAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var email = form["email"].ToString().Trim();
        var result = await cognito.ForgotPasswordAsync(email, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded && result.Error.Code is not (CognitoErrorCode.UserNotFound or CognitoErrorCode.NotAuthorized))
        {
            return ForgotPage(context, CognitoErrors.ForPeople(result.Error), email, CognitoErrors.StatusFor(result.Error));
        }

        // The same answer whether or not the account exists, so the page does not reveal who has one.
        return Page(context, "Check your inbox", Notice("info", $"If {email} has an account, we sent it a link to choose a new password."));
    }

    private static IResult ResetPage(HttpContext context, string? code, string? username, string? error, int status = 200) => Page(context, "Choose a new password",
        Notice("error", error) +
        Form(context, "/reset-password", Hidden("code", code) + Hidden("username", username) +
            Input("password", "New password", "password", null, "new-password") + "<button id=\"reset\">Set new password</button>"), status);

    private static async Task<IResult> ResetAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var code = form["code"].ToString();
        var username = form["username"].ToString();
        var result = await cognito.ConfirmForgotPasswordAsync(username, code, form["password"].ToString(), await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        return result.Succeeded
            ? SignInPage(context, "Your password was changed. Sign in with the new one.", null, "/me")
            : ResetPage(context, code, username, CognitoErrors.ForPeople(result.Error), CognitoErrors.StatusFor(result.Error));
    }

    private static IResult ChangePage(HttpContext context, string? error, string? ok, int status = 200) => Page(context, "Change your password",
        Notice("error", error) + Notice("ok", ok) +
        Form(context, "/change-password", Input("current", "Current password", "password", null, "current-password") +
            Input("proposed", "New password", "password", null, "new-password") + "<button id=\"change\">Change password</button>"), status);

    private static async Task<IResult> ChangeAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var access = context.Request.Cookies[TokenCookies.Access];
        if (!SignedIn(context) || string.IsNullOrEmpty(access))
        {
            return ToSignIn("/change-password");
        }

        var result = await cognito.ChangePasswordAsync(access, form["current"].ToString(), form["proposed"].ToString(), context.RequestAborted);
        return result.Succeeded
            ? ChangePage(context, null, "Your password was changed.")
            : ChangePage(context, result.Error.Code == CognitoErrorCode.NotAuthorized ? "Your current password is not right." : CognitoErrors.ForPeople(result.Error), null, CognitoErrors.StatusFor(result.Error));
    }

    private static bool SignedIn(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    private static IResult ToSignIn(string returnUrl) => Results.Redirect("/signin?reason=signin-required&returnUrl=" + Uri.EscapeDataString(returnUrl));

    private static string? ReasonText(string? reason) => reason switch
    {
        "signin-required" => "Please sign in to see that page.",
        "signed-out" => "You are signed out.",
        _ => null,
    };

    /// <summary>
    /// The URL when it is a path on this site, else null. Control characters are refused anywhere: browsers drop tabs
    /// and newlines inside a URL, so <c>/&lt;TAB&gt;/evil.example</c> would be followed as <c>//evil.example</c>.
    /// </summary>
    private static string? LocalOnly(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl) ? url : null;
}
