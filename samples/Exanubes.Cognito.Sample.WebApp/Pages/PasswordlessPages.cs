using Exanubes.Cognito;
using Exanubes.Cognito.Devices;
using Exanubes.Cognito.Sample.WebApp.Api;
using Exanubes.Cognito.Sample.WebApp.Auth;
using static Exanubes.Cognito.Sample.WebApp.Pages.Html;

namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>
/// Sign-in without a password (Cognito's choice-based <c>USER_AUTH</c>, <see cref="ICognitoPasswordless"/>): a one-time
/// code by email, or a passkey; and the MFA step of a password sign-in, where the person may have this browser
/// remembered (<see cref="ICognitoDevices.RememberDeviceAsync"/>) so that its next sign-in skips MFA. The step Cognito
/// waits for is kept between pages in <see cref="PendingSignIn"/>.
/// </summary>
internal static class PasswordlessPages
{
    /// <summary>The client metadata the demo sends with USER_AUTH; Cognito hands it to the email sender with the code.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientMetadata = new Dictionary<string, string> { ["app"] = "exanubes-demo" };

    public static void MapPasswordlessPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PasskeyScript.Path, () => Results.Text(PasskeyScript.Source, "text/javascript; charset=utf-8"));
        app.MapGet("/signin/code", (HttpContext c) => EmailPage(c, "Sign in with a code by email", "/signin/code", "send-code", "Email me a code", null, null));
        app.MapPost("/signin/code", StartCodeAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/signin/code/verify", VerifyCodeAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/signin/passkey", (HttpContext c) => EmailPage(c, "Sign in with a passkey", "/signin/passkey", "start-passkey", "Continue", null, null));
        app.MapPost("/signin/passkey", StartPasskeyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/signin/passkey/complete", CompletePasskeyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/signin/mfa", VerifyMfaAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
    }

    /// <summary>
    /// Where a sign-in goes next: tokens become cookies and the person goes on; an MFA step asks for the code (with
    /// "Remember this device"); anything else is explained.
    /// </summary>
    public static IResult Continue(HttpContext context, CognitoSignInResult result, string? returnUrl)
    {
        if (result.IsSignedIn)
        {
            PendingSignIn.Clear(context);
            TokenCookies.Write(context, result.Tokens, result.Tokens.Username);
            return Results.Redirect(returnUrl ?? "/me");
        }

        if (result.NextStep.ChallengeName == CognitoChallengeName.SoftwareTokenMfa)
        {
            PendingSignIn.Save(context, result.NextStep);
            return MfaPage(context, null, returnUrl);
        }

        PendingSignIn.Clear(context);
        return Page(context, "Sign in", Notice("error", $"Cognito asks for a further step ({result.NextStep.Name}) that this demo does not handle."), StatusCodes.Status400BadRequest);
    }

    private static IResult EmailPage(HttpContext context, string title, string action, string buttonId, string button, string? error, string? email, int status = 200) =>
        Page(context, title, Notice("error", error) +
            Form(context, action, Input("email", "Email", "email", email, "username webauthn") + $"<button id=\"{buttonId}\">{E(button)}</button>") +
            "<p class=\"muted\"><a href=\"/signin\">Sign in with your password instead</a></p>", status);

    private static async Task<IResult> StartCodeAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless)
    {
        var email = form["email"].ToString().Trim();
        var result = await passwordless.SignInAsync(
            new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.EmailOtp, ClientMetadata = ClientMetadata }, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return EmailPage(context, "Sign in with a code by email", "/signin/code", "send-code", "Email me a code", CognitoErrors.ForPeople(result.Error), email,
                CognitoErrors.StatusFor(result.Error));
        }

        if (result.Value.NextStep?.ChallengeName != CognitoChallengeName.EmailOtp)
        {
            return Continue(context, result.Value, null);
        }

        PendingSignIn.Save(context, result.Value.NextStep);
        return CodePage(context, result.Value.NextStep.CodeDelivery?.Destination, null);
    }

    private static IResult CodePage(HttpContext context, string? destination, string? error, int status = 200) => Page(context, "Enter your sign-in code",
        Notice("error", error) + Notice("info", $"We emailed a sign-in code to {destination ?? "your address"}. It works once, for a few minutes.") +
        Form(context, "/signin/code/verify", Input("code", "Code", "text", null, "one-time-code") + "<button id=\"verify-code\">Sign in</button>"), status);

    private static async Task<IResult> VerifyCodeAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var pending = PendingSignIn.Read(context);
        if (pending?.ChallengeName != CognitoChallengeName.EmailOtp)
        {
            return StartAgain(context, "/signin/code");
        }

        var result = await cognito.RespondToChallengeAsync(pending, CognitoChallengeResponse.MfaCode(form["code"].ToString().Trim()), await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return result.Error.Code is CognitoErrorCode.CodeMismatch
                ? CodePage(context, pending.CodeDelivery?.Destination, "That code is not right. Check the latest email and try again.", StatusCodes.Status400BadRequest)
                : StartAgain(context, "/signin/code", CognitoErrors.ForPeople(result.Error));
        }

        return Continue(context, result.Value, null);
    }

    private static async Task<IResult> StartPasskeyAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless)
    {
        var email = form["email"].ToString().Trim();
        var result = await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.WebAuthn }, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return EmailPage(context, "Sign in with a passkey", "/signin/passkey", "start-passkey", "Continue", CognitoErrors.ForPeople(result.Error), email,
                CognitoErrors.StatusFor(result.Error));
        }

        var step = result.Value.NextStep;
        if (step?.ChallengeName != CognitoChallengeName.WebAuthn || step.CredentialRequestOptionsJson is null)
        {
            return EmailPage(context, "Sign in with a passkey", "/signin/passkey", "start-passkey", "Continue",
                "This account has no passkey yet. Sign in another way, then create one on your account page.", email, StatusCodes.Status400BadRequest);
        }

        PendingSignIn.Save(context, step);
        return Page(context, "Sign in with a passkey",
            "<p>Your browser will ask for the passkey you created for this site.</p>" +
            PasskeyButton(context, "get", "use-passkey", "Use my passkey", step.CredentialRequestOptionsJson, "/signin/passkey/complete"));
    }

    private static async Task<IResult> CompletePasskeyAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var pending = PendingSignIn.Read(context);
        var credential = form["credential"].ToString();
        if (pending?.ChallengeName != CognitoChallengeName.WebAuthn || string.IsNullOrEmpty(credential))
        {
            return StartAgain(context, "/signin/passkey");
        }

        var result = await cognito.RespondToChallengeAsync(pending, CognitoChallengeResponse.WebAuthn(credential), await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        return result.Succeeded ? Continue(context, result.Value, null) : StartAgain(context, "/signin/passkey", PasskeyError(result.Error));
    }

    private static IResult MfaPage(HttpContext context, string? error, string? returnUrl, int status = 200) => Page(context, "Enter your authenticator code",
        Notice("error", error) +
        Form(context, "/signin/mfa", Hidden("returnUrl", returnUrl) + Input("code", "Code from your authenticator app", "text", null, "one-time-code") +
            "<label style=\"font-weight:400\"><input type=\"checkbox\" id=\"remember-device\" name=\"remember\" value=\"on\" style=\"width:auto;margin-right:8px\">" +
            "Remember this device: skip this step when I sign in again from this browser</label>" +
            "<button id=\"verify-mfa\">Verify</button>"), status);

    private static async Task<IResult> VerifyMfaAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito, ICognitoDevices devices)
    {
        var pending = PendingSignIn.Read(context);
        var returnUrl = form["returnUrl"].ToString() is { Length: > 1 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url : null;
        if (pending?.ChallengeName != CognitoChallengeName.SoftwareTokenMfa)
        {
            return StartAgain(context, "/signin");
        }

        var result = await cognito.RespondToChallengeAsync(pending, CognitoChallengeResponse.MfaCode(form["code"].ToString().Trim()), await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return result.Error.Code is CognitoErrorCode.CodeMismatch
                ? MfaPage(context, "That code is not right. Use the current code from your authenticator app.", returnUrl, StatusCodes.Status400BadRequest)
                : StartAgain(context, "/signin", CognitoErrors.ForPeople(result.Error));
        }

        // Cognito sends NewDeviceMetadata on an SRP sign-in when the pool tracks devices; confirming it (ConfirmDevice with
        // the device's SRP verifier, then "remembered") and keeping its keys in the data-protected cookie is what lets
        // the next SRP sign-in from this browser answer DEVICE_SRP_AUTH and skip MFA.
        if (result.Value.IsSignedIn && form["remember"] == "on" && result.Value.Tokens.NewDevice is not null)
        {
            var remembered = await devices.RememberDeviceAsync(result.Value.Tokens, DeviceName(context), context.RequestAborted);
            if (!remembered.Succeeded)
            {
                return Page(context, "Signed in", Notice("error", "You are signed in, but this device could not be remembered: " + CognitoErrors.ForPeople(remembered.Error)) +
                    "<p><a href=\"/me\">Continue</a></p>");
            }
        }

        return Continue(context, result.Value, returnUrl);
    }

    private static string DeviceName(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        var browser = agent.Contains("Firefox", StringComparison.Ordinal) ? "Firefox" : agent.Contains("Chrom", StringComparison.Ordinal) ? "Chromium" : "A browser";
        return $"{browser} (demo)";
    }

    /// <summary>A button that runs the passkey script with Cognito's options JSON, and the form it posts the credential in.</summary>
    public static string PasskeyButton(HttpContext context, string mode, string id, string label, string optionsJson, string action) =>
        $"<button type=\"button\" id=\"{id}\" data-passkey=\"{mode}\" data-form=\"passkey-form\" data-options=\"{E(optionsJson)}\">{E(label)}</button>" +
        "<div class=\"notice error\" id=\"passkey-status\" role=\"alert\" hidden></div>" +
        Form(context, action, "<input type=\"hidden\" name=\"credential\">").Replace("<form ", "<form id=\"passkey-form\" ", StringComparison.Ordinal) +
        $"<script src=\"{PasskeyScript.Path}\"></script>";

    public static string PasskeyError(CognitoError error) => error.Code switch
    {
        CognitoErrorCode.WebAuthnOriginNotAllowed or CognitoErrorCode.WebAuthnRelyingPartyMismatch => "That passkey belongs to another site.",
        CognitoErrorCode.WebAuthnChallengeNotFound or CognitoErrorCode.ExpiredCode => "That took too long. Please start again.",
        CognitoErrorCode.WebAuthnNotEnabled or CognitoErrorCode.WebAuthnConfigurationMissing or CognitoErrorCode.FeatureUnavailableInTier
            => "Passkeys are not switched on for this user pool.",
        CognitoErrorCode.NotAuthorized => "That passkey was not accepted.",
        _ => CognitoErrors.ForPeople(error),
    };

    private static IResult StartAgain(HttpContext context, string start, string? why = null)
    {
        PendingSignIn.Clear(context);
        return Page(context, "Sign in", Notice("error", why ?? "This sign-in has expired.") + $"<p><a href=\"{E(start)}\" id=\"start-again\">Start again</a></p>",
            StatusCodes.Status400BadRequest);
    }
}
