using Exanubes.Cognito;
using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Sample.WebApp.Api;
using Exanubes.Cognito.Sample.WebApp.Auth;
using static Exanubes.Cognito.Sample.WebApp.Pages.Html;

namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>
/// Sign-up with a phone number: Cognito sends the code by SMS through the custom SMS sender, and on the local stack the
/// development sink writes it to a file that the "SMS inbox" page shows (<c>Demo:SmsInboxPath</c>; the page exists only
/// when that is set, never against real AWS).
/// </summary>
internal static class SmsPages
{
    public static void MapSmsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signup-phone", (HttpContext c) => SignUpPage(c, null, null, null));
        app.MapPost("/signup-phone", SignUpAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapPost("/verify-phone", VerifyAsync).RequireRateLimiting(DemoApp.AuthRateLimit);
        app.MapGet("/sms-inbox", Inbox);
    }

    private static IResult SignUpPage(HttpContext context, string? error, string? email, string? phone, int status = 200) => Page(context, "Create an account with your phone",
        Notice("error", error) + Form(context, "/signup-phone",
            Input("email", "Email", "email", email, "username") +
            Input("phone", "Mobile phone (E.164, for example +15555550123)", "tel", phone, "tel") +
            Input("password", "Password", "password", null, "new-password") +
            "<p class=\"muted\">We text your verification code to this number.</p><button id=\"signup-phone\">Sign up</button>"), status);

    private static async Task<IResult> SignUpAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var email = form["email"].ToString().Trim();
        var phone = form["phone"].ToString().Trim();
        var password = form["password"].ToString();
        var result = await cognito.SignUpAsync(new CognitoSignUpRequest
        {
            Username = email,
            Password = password,
            Attributes = new Dictionary<string, string> { ["email"] = email, ["phone_number"] = phone },
        }, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return SignUpPage(context, CognitoErrors.ForPeople(result.Error), email, phone, CognitoErrors.StatusFor(result.Error));
        }

        return CodePage(context, email, null);
    }

    private static IResult CodePage(HttpContext context, string email, string? error, int status = 200) => Page(context, "Check your phone",
        Notice("error", error) +
        Notice("info", "We texted a verification code to your phone. Enter it below.") +
        Form(context, "/verify-phone", Hidden("username", email) + Input("code", "Verification code", "text", null, "one-time-code") +
            "<button id=\"verify-phone\">Verify</button>") +
        (Configured(context) is null ? string.Empty : "<p class=\"muted\">Local stack: the text lands in the <a href=\"/sms-inbox\" target=\"_blank\" id=\"to-sms-inbox\">SMS inbox</a>.</p>"),
        status);

    private static async Task<IResult> VerifyAsync(HttpContext context, IFormCollection form, ICognitoAuthService cognito)
    {
        var username = form["username"].ToString();
        var code = form["code"].ToString().Trim();
        var result = await cognito.ConfirmSignUpAsync(username, code, await DemoCallContext.ForAsync(context, context.RequestAborted), context.RequestAborted);
        if (!result.Succeeded)
        {
            return CodePage(context, username, CognitoErrors.ForPeople(result.Error), CognitoErrors.StatusFor(result.Error));
        }

        return Page(context, "Phone verified", Notice("ok", "Your account is verified. You can sign in now.") +
            "<p><a href=\"/signin\" id=\"to-signin\">Sign in</a></p>");
    }

    /// <summary>The development sink's texts, newest first. Local stacks only: the page shows codes.</summary>
    private static IResult Inbox(HttpContext context)
    {
        if (Configured(context) is not { } path)
        {
            return Page(context, "SMS inbox", Notice("error", "There is no SMS inbox here: it exists only on the local stack (Demo:SmsInboxPath)."), 404);
        }

        var rows = new StringBuilder();
        var lines = File.Exists(path) ? ReadShared(path) : [];
        foreach (var line in lines.Where(l => l.Length > 0).Reverse())
        {
            using var sms = JsonDocument.Parse(line);
            var root = sms.RootElement;
            rows.Append("<tr class=\"sms\">")
                .Append($"<td class=\"sms-time\">{E(Text(root, "sentAt"))}</td>")
                .Append($"<td class=\"sms-to\"><code>{E(Text(root, "phoneNumber"))}</code></td>")
                .Append($"<td class=\"sms-source\">{E(Text(root, "triggerSource"))}</td>")
                .Append($"<td class=\"sms-body\">{E(Text(root, "body"))}</td>")
                .Append($"<td class=\"sms-parts\">{E(Text(root, "encoding"))}, {(root.TryGetProperty("parts", out var parts) ? parts.GetInt32() : 0)}</td>")
                .Append("</tr>");
        }

        return Page(context, "SMS inbox",
            "<p class=\"muted\">Texts the custom SMS sender handed to its development sink, newest first. Local stack only.</p>" +
            (rows.Length == 0
                ? "<p id=\"sms-empty\">No texts yet.</p>"
                : $"<table id=\"sms-inbox\"><tr><th>Sent</th><th>To</th><th>Trigger</th><th>Text</th><th>Segments</th></tr>{rows}</table>"));
    }

    private static string? Configured(HttpContext context)
        => context.RequestServices.GetRequiredService<IConfiguration>()["Demo:SmsInboxPath"] is { Length: > 0 } path ? path : null;

    private static List<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
