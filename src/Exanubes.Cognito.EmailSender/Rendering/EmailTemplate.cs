namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// A Liquid (Fluid) template for one trigger source, optionally narrowed to one app client and one locale, replacing the
/// built-in email. Register it with <c>services.AddEmailTemplate(...)</c>; the most specific match wins (client, then
/// locale), and among equals the last registered.
/// </summary>
/// <remarks>
/// Variables: <c>code</c>, <c>temporary_password</c> (AdminCreateUser), <c>username</c>, <c>email</c>, <c>link</c>
/// (verify or reset link when <c>EmailSender:AppUrl</c> is set), <c>app_url</c>, <c>trigger_source</c>, <c>client_id</c>,
/// <c>user_pool_id</c>, <c>region</c>, <c>locale</c>, <c>user_attributes</c>, <c>client_metadata</c> and, for
/// account-takeover notices, <c>event_id</c>, <c>action</c>, <c>ip_address</c>, <c>city</c>, <c>country</c>,
/// <c>device_name</c>, <c>login_time</c>, <c>feedback_valid_link</c>, <c>feedback_invalid_link</c>. In the HTML body every
/// output is HTML-encoded (a temporary password may contain <c>&lt;</c>, <c>&amp;</c> or quotes); the subject and text
/// body are not encoded. See <see href="https://shopify.github.io/liquid/"/> for the syntax.
/// <para>
/// <b>Untrusted values.</b> <c>user_attributes</c> and <c>client_metadata</c> (and everything derived from them, such as
/// <c>username</c> and <c>locale</c>) are chosen by whoever calls SignUp, ForgotPassword or UpdateUserAttributes: treat
/// them as attacker-controlled. HTML encoding does not make a value safe inside <c>href</c> (<c>javascript:alert(1)</c>
/// has nothing to encode): pass every URL through the <c>safe_url</c> filter, <c>&lt;a href="{{ link | safe_url }}"&gt;</c>,
/// which keeps only <c>https</c> URLs and URLs on the configured app origin. Limit what templates can see with
/// <see cref="EmailTemplateOptions.ClientMetadataKeys"/>.
/// </para>
/// </remarks>
public sealed class EmailTemplate
{
    /// <summary>The trigger source this template answers.</summary>
    public required CustomEmailSenderTriggerSource TriggerSource { get; init; }

    /// <summary>The app client id (<c>callerContext.clientId</c>) it is limited to. Default: <see langword="null"/> (any client).</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// The locale it is limited to, matched case-insensitively against the event's locale (the
    /// <see cref="EmailTemplateOptions.LocaleMetadataKey"/> client-metadata entry, else the user's <c>locale</c> attribute);
    /// <c>de</c> also matches <c>de-AT</c>. Default: <see langword="null"/> (any locale).
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>The subject template (plain text, one line).</summary>
    public required string Subject { get; init; }

    /// <summary>The HTML body template; outputs are HTML-encoded.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>The plain-text body template.</summary>
    public required string TextBody { get; init; }
}
