using Fluid;
using Fluid.Values;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <c>safe_url</c> Liquid filter: keeps a value only when it is an absolute <c>https</c> URL, or a URL on the
/// configured app origin (<c>EmailSender:AppUrl</c> or <c>SmsSender:AppUrl</c>, which may be plain <c>http</c> on a local stack); anything else
/// (<c>javascript:</c>, <c>data:</c>, relative or protocol-relative links, malformed text) renders as nothing.
/// </summary>
/// <remarks>
/// HTML encoding alone does not make an attacker's value safe inside <c>href</c>: <c>javascript:alert(1)</c> has nothing
/// to encode. <c>user_attributes</c> and <c>client_metadata</c> come from whoever calls SignUp or ForgotPassword, so every
/// URL a template puts into a link goes through this filter, as the built-in templates do.
/// </remarks>
internal static class SafeUrlFilter
{
    public const string Name = "safe_url";

    public static TemplateOptions Register(TemplateOptions options, Uri? appUrl)
    {
        options.Filters.AddFilter(Name, (input, _, _) => new ValueTask<FluidValue>(
            Keep(input.ToStringValue(), appUrl) is { } url ? new StringValue(url) : NilValue.Instance));
        return options;
    }

    /// <summary>The URL when it is safe to put into a link, else <see langword="null"/>.</summary>
    public static string? Keep(string? value, Uri? appUrl)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri.OriginalString;
        }

        return appUrl is not null
            && uri.Scheme == appUrl.Scheme
            && string.Equals(uri.Host, appUrl.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == appUrl.Port
            ? uri.OriginalString
            : null;
    }
}
