using System.Globalization;
using System.Text;
using Exanubes.Cognito;
using Exanubes.Cognito.Devices;
using Exanubes.Cognito.Passkeys;
using Exanubes.Cognito.Sample.WebApp.Api;
using Exanubes.Cognito.Sample.WebApp.Auth;
using static Exanubes.Cognito.Sample.WebApp.Pages.Html;

namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>
/// The account page: the sign-in methods Cognito reports (<see cref="ICognitoPasswordless.GetAuthFactorsAsync"/>), the
/// person's passkeys (create, list, delete: <see cref="ICognitoPasskeys"/>), an authenticator app for MFA, and the
/// remembered devices (<see cref="ICognitoDevices"/>).
/// </summary>
internal static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account", AccountAsync);
        app.MapPost("/account/passkeys/start", StartPasskeyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/account/passkeys/complete", CompletePasskeyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/account/passkeys/delete", DeletePasskeyAsync);
        app.MapPost("/account/totp/start", StartTotpAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/account/totp/complete", CompleteTotpAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/account/devices/forget", ForgetDeviceAsync);
    }

    private static string? AccessToken(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.Request.Cookies[TokenCookies.Access] is { Length: > 0 } access ? access : null;

    private static IResult ToSignIn() => Results.Redirect("/signin?reason=signin-required&returnUrl=%2Faccount");

    private static async Task<IResult> AccountAsync(HttpContext context, string? done, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices)
    {
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        return await AccountPage(context, access, passwordless, passkeys, devices, null, done switch
        {
            "passkey-created" => "Your passkey is ready. Next time, choose \"Sign in with a passkey\".",
            "passkey-deleted" => "The passkey was deleted.",
            "totp" => "Your authenticator app is set up. Sign-ins with your password now ask for its code.",
            "device-forgotten" => "The device was forgotten. Its next sign-in asks for MFA again.",
            _ => null,
        });
    }

    private static async Task<IResult> AccountPage(HttpContext context, string access, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices,
        string? error, string? ok, int status = 200)
    {
        var ct = context.RequestAborted;
        var factors = await passwordless.GetAuthFactorsAsync(access, ct);
        if (!factors.Succeeded && factors.Error.Code == CognitoErrorCode.NotAuthorized)
        {
            return ToSignIn();
        }

        var keys = await passkeys.ListAsync(access, cancellationToken: ct);
        var known = await devices.ListAsync(access, cancellationToken: ct);
        var body = new StringBuilder();
        body.Append(Notice("error", error)).Append(Notice("ok", ok));

        body.Append("<h2>Sign-in methods</h2>");
        if (factors.Succeeded)
        {
            var first = string.Join(", ", factors.Value.ConfiguredFirstFactors.Select(CognitoFirstFactors.ToWireName));
            var mfa = factors.Value.MfaMethods.Count == 0 ? "none" : string.Join(", ", factors.Value.MfaMethods);
            body.Append(CultureInfo.InvariantCulture, $"<p>First factors: <code id=\"first-factors\">{E(first)}</code></p><p>MFA: <code id=\"mfa-methods\">{E(mfa)}</code></p>");
        }
        else
        {
            body.Append(Notice("error", CognitoErrors.ForPeople(factors.Error)));
        }

        body.Append("<h2>Passkeys</h2>");
        if (keys.Succeeded)
        {
            body.Append("<table id=\"passkeys\">");
            foreach (var key in keys.Value.Passkeys)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(key.FriendlyName)}</th><td>created {key.CreatedAt:u}</td><td>")
                    .Append(Form(context, "/account/passkeys/delete", Hidden("credentialId", key.CredentialId) + "<button class=\"secondary\" style=\"margin:0\">Delete</button>", "inline"))
                    .Append("</td></tr>");
            }

            body.Append("</table>");
            if (keys.Value.Passkeys.Count == 0)
            {
                body.Append("<p class=\"muted\" id=\"no-passkeys\">No passkeys yet.</p>");
            }
        }
        else
        {
            body.Append(Notice("error", PasswordlessPages.PasskeyError(keys.Error)));
        }

        body.Append(Form(context, "/account/passkeys/start", "<button id=\"create-passkey\">Create a passkey</button>"));

        body.Append("<h2>Authenticator app (MFA)</h2>");
        body.Append(factors.Succeeded && factors.Value.MfaMethods.Contains("SOFTWARE_TOKEN_MFA")
            ? "<p id=\"totp-on\">On: sign-ins with your password ask for its code, unless the device is remembered.</p>"
            : Form(context, "/account/totp/start", "<p>Off.</p><button class=\"secondary\" id=\"setup-totp\">Set up an authenticator app</button>"));

        body.Append("<h2>Remembered devices</h2>");
        if (known.Succeeded)
        {
            var remembered = known.Value.Devices.Where(d => d.IsRemembered).ToList();
            body.Append("<table id=\"devices\">");
            foreach (var device in remembered)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(device.Name ?? device.DeviceKey)}</th><td>last used {device.LastAuthenticatedAt:u}</td><td>")
                    .Append(Form(context, "/account/devices/forget", Hidden("deviceKey", device.DeviceKey) + "<button class=\"secondary\" style=\"margin:0\">Forget</button>", "inline"))
                    .Append("</td></tr>");
            }

            body.Append("</table>");
            if (remembered.Count == 0)
            {
                body.Append("<p class=\"muted\" id=\"no-devices\">None. Tick \"Remember this device\" at the MFA step to add this browser.</p>");
            }
        }
        else
        {
            body.Append(Notice("error", CognitoErrors.ForPeople(known.Error)));
        }

        return Page(context, "Your account", body.ToString(), status);
    }

    private static async Task<IResult> StartPasskeyAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices)
    {
        _ = form;
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var options = await passkeys.StartRegistrationAsync(access, context.RequestAborted);
        if (!options.Succeeded)
        {
            return await AccountPage(context, access, passwordless, passkeys, devices, PasswordlessPages.PasskeyError(options.Error), null, CognitoErrors.StatusFor(options.Error));
        }

        return Page(context, "Create a passkey",
            "<p>Your browser or phone will create a passkey for this site and keep it; your password stays as it is.</p>" +
            PasswordlessPages.PasskeyButton(context, "create", "passkey-create", "Create the passkey", options.Value, "/account/passkeys/complete"));
    }

    private static async Task<IResult> CompletePasskeyAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices)
    {
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var result = await passkeys.CompleteRegistrationAsync(access, form["credential"].ToString(), context.RequestAborted);
        return result.Succeeded
            ? Results.Redirect("/account?done=passkey-created")
            : await AccountPage(context, access, passwordless, passkeys, devices, PasswordlessPages.PasskeyError(result.Error), null, CognitoErrors.StatusFor(result.Error));
    }

    private static async Task<IResult> DeletePasskeyAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices)
    {
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var result = await passkeys.DeleteAsync(access, form["credentialId"].ToString(), context.RequestAborted);
        return result.Succeeded
            ? Results.Redirect("/account?done=passkey-deleted")
            : await AccountPage(context, access, passwordless, passkeys, devices, PasswordlessPages.PasskeyError(result.Error), null, CognitoErrors.StatusFor(result.Error));
    }

    private static async Task<IResult> StartTotpAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        _ = form;
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var setup = await cognito.BeginTotpSetupAsync(access, context.RequestAborted);
        if (!setup.Succeeded)
        {
            return Page(context, "Set up an authenticator app", Notice("error", CognitoErrors.ForPeople(setup.Error)), CognitoErrors.StatusFor(setup.Error));
        }

        var account = TokenClaims.From(context.User).Username is { Length: > 0 } name ? name : "demo";
        return TotpPage(context, setup.Value.SecretCode, setup.Value.GetAuthenticatorUri("Exanubes demo", account).ToString(), null);
    }

    private static IResult TotpPage(HttpContext context, string secret, string? uri, string? error, int status = 200) => Page(context, "Set up an authenticator app",
        Notice("error", error) +
        $"<p>Add this key to your authenticator app (or open the link on your phone):</p><p><code id=\"totp-secret\">{E(secret)}</code></p>" +
        (uri is null ? string.Empty : $"<p class=\"muted\"><a href=\"{E(uri)}\">{E(uri)}</a></p>") +
        Form(context, "/account/totp/complete", Hidden("secret", secret) + Input("code", "The 6-digit code it shows", "text", null, "one-time-code") +
            "<button id=\"confirm-totp\">Turn on MFA</button>"), status);

    private static async Task<IResult> CompleteTotpAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var ct = context.RequestAborted;
        var verified = await cognito.CompleteTotpSetupAsync(access, form["code"].ToString().Trim(), "Authenticator app", ct);
        if (!verified.Succeeded)
        {
            return TotpPage(context, form["secret"].ToString(), null, "That code is not right. Enter the current code from your app.", CognitoErrors.StatusFor(verified.Error));
        }

        var preference = await cognito.SetMfaPreferenceAsync(access, new CognitoMfaPreference { TotpEnabled = true, Preferred = CognitoMfaMethod.Totp }, ct);
        return preference.Succeeded
            ? Results.Redirect("/account?done=totp")
            : Page(context, "Set up an authenticator app", Notice("error", CognitoErrors.ForPeople(preference.Error)), CognitoErrors.StatusFor(preference.Error));
    }

    private static async Task<IResult> ForgetDeviceAsync(HttpContext context, IFormCollection form, ICognitoPasswordless passwordless, ICognitoPasskeys passkeys, ICognitoDevices devices)
    {
        if (AccessToken(context) is not { } access)
        {
            return ToSignIn();
        }

        var result = await devices.ForgetAsync(access, form["deviceKey"].ToString(), context.RequestAborted);
        return result.Succeeded
            ? Results.Redirect("/account?done=device-forgotten")
            : await AccountPage(context, access, passwordless, passkeys, devices, CognitoErrors.ForPeople(result.Error), null, CognitoErrors.StatusFor(result.Error));
    }
}
