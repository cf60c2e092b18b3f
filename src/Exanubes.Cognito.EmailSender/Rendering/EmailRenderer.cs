using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Renders the email for an event with Fluid (Liquid): picks the most specific registered template or the built-in one,
/// fills the variables from values only (no reflection over CLR objects, so it stays trim/AOT clean) and HTML-encodes
/// every output of the HTML body.
/// </summary>
internal sealed class EmailRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // Building Fluid's grammar is the largest piece of cold-start work here, so it happens on first use, and
    // PrepareAsync lets the pipeline do it while the code is being decrypted.
    private readonly Lazy<FluidParser> _parser = new(static () => new FluidParser(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmailTemplateOptions _templates;
    private readonly CustomEmailSenderOptions _options;
    private readonly ConcurrentDictionary<EmailTemplate, CompiledTemplate> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly TemplateOptions _fluidOptions;
    private readonly HashSet<string>? _visibleMetadataKeys;

    public EmailRenderer(IOptions<EmailTemplateOptions> templates, IOptions<CustomEmailSenderOptions> options)
    {
        _templates = templates.Value;
        _options = options.Value;
        _fluidOptions = LiquidValues.Options(_options.AppUrl);
        _visibleMetadataKeys = LiquidValues.VisibleKeys(_templates.ClientMetadataKeys);

        // Registered templates are compiled up front so a syntax error fails at start-up, not on a user's email.
        foreach (var template in _templates.Templates)
        {
            _compiled[template] = Compile(template);
        }
    }

    /// <summary>Whether there is any template (registered or built in) for the trigger source.</summary>
    public bool CanRender(CustomEmailSenderTriggerSource source)
        => DefaultEmailTemplates.For(source) is not null || _templates.Templates.Any(t => t.TriggerSource == source);

    /// <summary>Builds Fluid's grammar on a thread-pool thread, so a cold start overlaps it with creating the KMS client.</summary>
    public void WarmUp()
    {
        if (!_parser.IsValueCreated)
        {
            _ = Task.Run(() => _parser.Value);
        }
    }

    /// <summary>
    /// Compiles the template the event will use on a thread-pool thread, so a cold start overlaps it with decryption.
    /// The returned task never faults; rendering reports any problem.
    /// </summary>
    public Task PrepareAsync(CustomEmailSenderEvent evt)
    {
        var template = Select(evt.TriggerSource, evt.CallerContext?.ClientId, LocaleOf(evt));
        if (template is null || _compiled.ContainsKey(template))
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                _compiled.GetOrAdd(template, Compile);
            }
            catch (InvalidOperationException)
            {
                // Render compiles again and throws.
            }
        });
    }

    public EmailMessage Render(CustomEmailSenderEvent evt, string recipient, string? code)
        => Render(EmailRenderInput.From(evt), recipient, code, keepPlaceholders: false);

    /// <summary>
    /// Renders for one input. With <paramref name="keepPlaceholders"/> (the Custom message trigger) the code and username
    /// are Cognito's literal placeholders (<c>{####}</c>, <c>{username}</c>) that Cognito replaces after the function
    /// returns: the link keeps them literal instead of URL-escaping them.
    /// </summary>
    internal EmailMessage Render(EmailRenderInput input, string recipient, string? code, bool keepPlaceholders)
    {
        var locale = LocaleOf(input.ClientMetadata, input.UserAttributes);
        var template = Select(input.TriggerSource, input.ClientId, locale)
            ?? throw new CustomEmailSenderEventException("triggerSource", $"No email template for trigger source '{input.TriggerSource}'; register one with services.AddEmailTemplate(...).");
        var compiled = _compiled.GetOrAdd(template, Compile);

        var context = new TemplateContext(_fluidOptions);
        Fill(context, input, recipient, code, locale, keepPlaceholders);

        var subject = compiled.Subject.Render(context, NullEncoder.Default);
        subject = subject.Replace('\r', ' ').Replace('\n', ' ').Trim();
        context.SetValue("subject", new StringValue(subject));

        return new EmailMessage
        {
            FromAddress = _options.FromAddress ?? string.Empty,
            FromName = string.IsNullOrWhiteSpace(_options.FromName) ? null : _options.FromName,
            To = recipient,
            Subject = subject,
            HtmlBody = compiled.Html.Render(context, Html),
            TextBody = compiled.Text.Render(context, NullEncoder.Default),
            TriggerSource = input.TriggerSource,
        };
    }

    internal string? LocaleOf(CustomEmailSenderEvent evt) => LocaleOf(evt.Request?.ClientMetadata, evt.Request?.UserAttributes);

    private string? LocaleOf(IReadOnlyDictionary<string, string>? metadata, IReadOnlyDictionary<string, string>? attributes)
        => TemplateChoice.LocaleOf(metadata, attributes, _templates.LocaleMetadataKey);

    internal EmailTemplate? Select(CustomEmailSenderTriggerSource source, string? clientId, string? locale)
        => TemplateChoice.Select(_templates.Templates, static t => (t.TriggerSource.Value, t.ClientId, t.Locale), source.Value, clientId, locale)
            ?? DefaultEmailTemplates.For(source);

    private void Fill(TemplateContext context, EmailRenderInput input, string recipient, string? code, string? locale, bool keepPlaceholders)
    {
        var attributes = input.UserAttributes ?? new Dictionary<string, string>();
        var username = input.UserName ?? string.Empty;
        var appUrl = _options.AppUrl?.AbsoluteUri.TrimEnd('/');

        Set(context, "code", code);
        Set(context, "temporary_password", input.TriggerSource == CustomEmailSenderTriggerSource.AdminCreateUser ? code : null);
        Set(context, "username", username);
        Set(context, "email", recipient);
        Set(context, "app_url", appUrl);
        Set(context, "link", LinkFor(input.TriggerSource, appUrl, code, username, keepPlaceholders));
        Set(context, "trigger_source", input.TriggerSource.Value);
        Set(context, "client_id", input.ClientId);
        Set(context, "user_pool_id", input.UserPoolId);
        Set(context, "region", input.Region);
        Set(context, "locale", locale);
        context.SetValue("user_attributes", LiquidValues.Dictionary(attributes, null));
        context.SetValue("client_metadata", LiquidValues.Dictionary(input.ClientMetadata ?? new Dictionary<string, string>(), _visibleMetadataKeys));

        if (input.TriggerSource == CustomEmailSenderTriggerSource.AccountTakeOverNotification)
        {
            Set(context, "event_id", Attribute(attributes, "EVENT_ID"));
            Set(context, "action", Attribute(attributes, "ACCOUNT_TAKE_OVER_ACTION"));
            Set(context, "ip_address", Attribute(attributes, "IP_ADDRESS"));
            Set(context, "city", Attribute(attributes, "CITY"));
            Set(context, "country", Attribute(attributes, "COUNTRY"));
            Set(context, "device_name", Attribute(attributes, "DEVICE_NAME"));
            Set(context, "login_time", Attribute(attributes, "LOGIN_TIME"));
            Set(context, "feedback_valid_link", SafeLink(Attribute(attributes, "ONE_CLICK_LINK_VALID")));
            Set(context, "feedback_invalid_link", SafeLink(Attribute(attributes, "ONE_CLICK_LINK_INVALID")));
            if (Attribute(attributes, "USER_NAME") is { } atoUser && username.Length == 0)
            {
                Set(context, "username", atoUser);
            }
        }
    }

    internal static string? LinkFor(CustomEmailSenderTriggerSource source, string? appUrl, string? code, string username, bool keepPlaceholders = false)
    {
        if (appUrl is null)
        {
            return null;
        }

        string? path = null;
        if (source == CustomEmailSenderTriggerSource.SignUp || source == CustomEmailSenderTriggerSource.ResendCode)
        {
            path = "/verify";
        }
        else if (source == CustomEmailSenderTriggerSource.ForgotPassword)
        {
            path = "/reset-password";
        }

        return path is null || code is null
            ? appUrl
            : $"{appUrl}{path}?code={Escape(code, keepPlaceholders)}&username={Escape(username, keepPlaceholders)}";
    }

    /// <summary>
    /// URL-escapes a query value. In placeholder mode Cognito's literal placeholders stay as they are, because Cognito
    /// replaces only the exact <c>{####}</c> and <c>{username}</c> in the returned message: escaped, they would reach the
    /// user as <c>%7B%23%23%23%23%7D</c> and break the link. Everything around them is still escaped.
    /// </summary>
    private static string Escape(string value, bool keepPlaceholders)
    {
        if (!keepPlaceholders)
        {
            return Uri.EscapeDataString(value);
        }

        var result = new System.Text.StringBuilder(value.Length);
        var start = 0;
        while (start < value.Length)
        {
            var (at, placeholder) = NextPlaceholder(value, start);
            if (at < 0)
            {
                result.Append(Uri.EscapeDataString(value[start..]));
                break;
            }

            result.Append(Uri.EscapeDataString(value[start..at])).Append(placeholder);
            start = at + placeholder.Length;
        }

        return result.ToString();
    }

    private static (int At, string Placeholder) NextPlaceholder(string value, int start)
    {
        var code = value.IndexOf(CognitoPlaceholders.Code, start, StringComparison.Ordinal);
        var user = value.IndexOf(CognitoPlaceholders.UserName, start, StringComparison.Ordinal);
        return code >= 0 && (user < 0 || code < user) ? (code, CognitoPlaceholders.Code)
            : user >= 0 ? (user, CognitoPlaceholders.UserName)
            : (-1, string.Empty);
    }

    /// <summary>Keeps a link only when it is an absolute https URL, so an attribute can never inject <c>javascript:</c>.</summary>
    private static string? SafeLink(string? value)
        => value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;

    private static string? Attribute(IReadOnlyDictionary<string, string> attributes, string name)
        => attributes.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static void Set(TemplateContext context, string name, string? value) => LiquidValues.Set(context, name, value);

    private CompiledTemplate Compile(EmailTemplate template)
        => new(Parse(template, template.Subject, "Subject"), Parse(template, template.HtmlBody, "HtmlBody"), Parse(template, template.TextBody, "TextBody"));

    private IFluidTemplate Parse(EmailTemplate template, string source, string part)
    {
        if (!_parser.Value.TryParse(source ?? string.Empty, out var parsed, out var error))
        {
            throw new InvalidOperationException(
                $"The {part} of the email template for {template.TriggerSource}" +
                (template.ClientId is null ? string.Empty : $", client {template.ClientId}") +
                (template.Locale is null ? string.Empty : $", locale {template.Locale}") +
                $" is not valid Liquid: {error}");
        }

        return parsed;
    }

    private sealed record CompiledTemplate(IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text);
}
