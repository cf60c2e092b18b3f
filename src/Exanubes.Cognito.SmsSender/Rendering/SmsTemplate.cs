namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// A Liquid (Fluid) SMS text for one trigger source, optionally narrowed to one app client and one locale, replacing the
/// built-in text. Register it with <c>services.AddSmsTemplate(...)</c>; the most specific match wins (client, then
/// locale), and among equals the last registered.
/// </summary>
/// <remarks>
/// Variables: <c>code</c>, <c>temporary_password</c> (AdminCreateUser), <c>username</c>, <c>phone_number</c>,
/// <c>app_url</c>, <c>trigger_source</c>, <c>client_id</c>, <c>user_pool_id</c>, <c>region</c>, <c>locale</c>,
/// <c>user_attributes</c> and <c>client_metadata</c>. Nothing is encoded: an SMS is plain text.
/// <para>
/// <b>Untrusted values.</b> <c>user_attributes</c> and <c>client_metadata</c> (and <c>username</c>, <c>locale</c>) are
/// chosen by whoever calls SignUp or ForgotPassword: pass any URL through <c>safe_url</c> and limit what templates see
/// with <see cref="SmsTemplateOptions.ClientMetadataKeys"/>. Keep a text GSM-7 and at most 160 characters to fit one
/// segment; the pipeline logs a warning for every SMS that needs more.
/// </para>
/// </remarks>
public sealed class SmsTemplate
{
    /// <summary>The trigger source this template answers, one of <c>CustomSmsSenderEvent.TriggerSources</c> (for example <c>CustomSMSSender_SignUp</c>).</summary>
    public required string TriggerSource { get; init; }

    /// <summary>The app client id (<c>callerContext.clientId</c>) it is limited to. Default: <see langword="null"/> (any client).</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// The locale it is limited to, matched case-insensitively against the event's locale (the
    /// <see cref="SmsTemplateOptions.LocaleMetadataKey"/> client-metadata entry, else the user's <c>locale</c> attribute);
    /// <c>de</c> also matches <c>de-AT</c>. Default: <see langword="null"/> (any locale).
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>The text template.</summary>
    public required string Body { get; init; }
}
