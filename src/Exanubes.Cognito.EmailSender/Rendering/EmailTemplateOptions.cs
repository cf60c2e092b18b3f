namespace Exanubes.Cognito.EmailSender;

/// <summary>Template overrides and how the locale is chosen. The built-in emails are used for any trigger source without a matching template.</summary>
public sealed class EmailTemplateOptions
{
    /// <summary>The registered templates; see <see cref="EmailTemplate"/> for how one is chosen. Default: empty.</summary>
    public IList<EmailTemplate> Templates { get; } = [];

    /// <summary>The <c>clientMetadata</c> key that carries the locale, for example <c>de-AT</c>. Default: <c>locale</c>.</summary>
    public string LocaleMetadataKey { get; set; } = "locale";

    /// <summary>
    /// The <c>clientMetadata</c> keys a template may read as <c>client_metadata.KEY</c>; any other key is absent in the
    /// template. Default: <see langword="null"/> (every key is visible).
    /// </summary>
    /// <remarks>
    /// Client metadata is whatever the caller of SignUp, ForgotPassword or ResendConfirmationCode sent: untrusted. An
    /// allow-list keeps a template from ever showing a key nobody meant to expose. Locale choice
    /// (<see cref="LocaleMetadataKey"/>) reads its key regardless.
    /// </remarks>
#pragma warning disable CA2227 // A settable list so configuration binding and object initialisers can replace it.
    public IList<string>? ClientMetadataKeys { get; set; }
#pragma warning restore CA2227
}
