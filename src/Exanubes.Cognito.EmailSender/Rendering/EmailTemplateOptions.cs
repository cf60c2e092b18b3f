namespace Exanubes.Cognito.EmailSender;

/// <summary>Template overrides and how the locale is chosen. The built-in emails are used for any trigger source without a matching template.</summary>
public sealed class EmailTemplateOptions
{
    /// <summary>The registered templates; see <see cref="EmailTemplate"/> for how one is chosen. Default: empty.</summary>
    public IList<EmailTemplate> Templates { get; } = [];

    /// <summary>The <c>clientMetadata</c> key that carries the locale, for example <c>de-AT</c>. Default: <c>locale</c>.</summary>
    public string LocaleMetadataKey { get; set; } = "locale";
}
