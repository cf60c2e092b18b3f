using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Exanubes.Cognito.Sample.WebApp.Pages;

/// <summary>Server-rendered HTML without a front-end toolchain: one layout, encoded values, antiforgery fields.</summary>
internal static class Html
{
    private const string Style = """
        :root{color-scheme:light;--ink:#1d2433;--muted:#5b6577;--accent:#2f5bea;--line:#dfe3ec;--bad:#b42318;--good:#067647}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f5f7fb}
        header{background:#fff;border-bottom:1px solid var(--line)}header .bar{max-width:880px;margin:auto;padding:14px 20px;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
        header strong{margin-right:auto;white-space:nowrap}header a{color:var(--muted);text-decoration:none;white-space:nowrap}header a:hover{color:var(--accent)}
        a{color:var(--accent)}main{max-width:880px;margin:32px auto;padding:0 20px}.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:28px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
        h1{font-size:1.5rem;margin:0 0 12px}p{margin:8px 0}label{display:block;margin:14px 0 4px;font-weight:600;font-size:.92rem}
        input{width:100%;padding:10px 12px;border:1px solid var(--line);border-radius:8px;font:inherit}
        button{margin-top:18px;background:var(--accent);color:#fff;border:0;border-radius:8px;padding:10px 18px;font:inherit;font-weight:600;cursor:pointer}
        button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}form.inline{display:inline}
        .notice{padding:12px 14px;border-radius:8px;margin:0 0 16px}.error{background:#fef3f2;color:var(--bad);border:1px solid #fecdca}
        .ok{background:#ecfdf3;color:var(--good);border:1px solid #abefc6}.info{background:#eff4ff;color:#1d3fa8;border:1px solid #c7d7fe}
        table{width:100%;border-collapse:collapse;margin-top:12px}th,td{text-align:left;padding:8px 6px;border-bottom:1px solid var(--line);vertical-align:top}
        th{width:34%;color:var(--muted);font-weight:600}code{font-size:.9rem;word-break:break-all}.muted{color:var(--muted);font-size:.92rem}
        """;

    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var inbox = context.RequestServices.GetRequiredService<IConfiguration>()["Demo:InboxUrl"];
        var nav = new StringBuilder();
        nav.Append("<a href=\"/\">Home</a>");
        if (signedIn)
        {
            nav.Append("<a href=\"/me\">My token</a><a href=\"/account\">Account</a><a href=\"/admin\">Admins</a><a href=\"/change-password\">Change password</a>");
            nav.Append(Form(context, "/signout", "<button class=\"secondary\" style=\"margin:0\" id=\"signout\">Sign out</button>", "inline"));
        }
        else
        {
            nav.Append("<a href=\"/signup\">Sign up</a><a href=\"/signin\">Sign in</a>");
        }

        if (!string.IsNullOrEmpty(inbox))
        {
            nav.Append($"<a href=\"{E(inbox)}\" target=\"_blank\" rel=\"noopener\">Inbox</a>");
        }

        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{E(title)} · Exanubes Cognito demo</title><style>{Style}</style></head>
            <body><header><div class="bar"><strong>Exanubes Cognito demo</strong>{nav}</div></header>
            <main><div class="card"><h1>{E(title)}</h1>{body}</div></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string Notice(string kind, string? message) =>
        string.IsNullOrEmpty(message) ? string.Empty : $"<div class=\"notice {kind}\" role=\"{(kind == "error" ? "alert" : "status")}\">{E(message)}</div>";

    public static string Form(HttpContext context, string action, string inner, string? cssClass = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var cls = cssClass is null ? string.Empty : $" class=\"{cssClass}\"";
        return $"<form method=\"post\" action=\"{E(action)}\"{cls}><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">{inner}</form>";
    }

    public static string Input(string name, string label, string type = "text", string? value = null, string? autocomplete = null) =>
        $"<label for=\"{name}\">{E(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{E(value)}\" required{(autocomplete is null ? string.Empty : $" autocomplete=\"{autocomplete}\"")}>";

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">";
}
