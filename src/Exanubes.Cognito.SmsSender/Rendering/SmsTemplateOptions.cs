namespace Exanubes.Cognito.SmsSender;

/// <summary>SMS template overrides and how the locale is chosen. The built-in texts are used for any trigger source without a matching template.</summary>
public sealed class SmsTemplateOptions
{
    /// <summary>The registered templates; see <see cref="SmsTemplate"/> for how one is chosen. Default: empty.</summary>
    public IList<SmsTemplate> Templates { get; } = [];

    /// <summary>The <c>clientMetadata</c> key that carries the locale, for example <c>de-AT</c>. Default: <c>locale</c>.</summary>
    public string LocaleMetadataKey { get; set; } = "locale";

    /// <summary>
    /// The <c>clientMetadata</c> keys a template may read as <c>client_metadata.KEY</c>; any other key is absent.
    /// Default: <see langword="null"/> (every key is visible).
    /// </summary>
    /// <remarks>Client metadata is whatever the caller of the Cognito API sent: untrusted.</remarks>
#pragma warning disable CA2227 // A settable list so configuration binding and object initialisers can replace it.
    public IList<string>? ClientMetadataKeys { get; set; }
#pragma warning restore CA2227
}
