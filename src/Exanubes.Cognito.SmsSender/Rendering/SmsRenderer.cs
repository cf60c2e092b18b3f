using System.Collections.Concurrent;
using Exanubes.Cognito.Lambda;
using Exanubes.EncryptionSdk;
using Fluid;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Renders the SMS for an event with Fluid (Liquid), choosing the template the way both senders do (trigger source,
/// client, locale) and filling the variables from strings only, so it stays trim/AOT clean.
/// </summary>
internal sealed class SmsRenderer
{
    private readonly Lazy<FluidParser> _parser = new(static () => new FluidParser(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SmsTemplateOptions _templates;
    private readonly CustomSmsSenderOptions _options;
    private readonly ConcurrentDictionary<SmsTemplate, IFluidTemplate> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly TemplateOptions _fluidOptions;
    private readonly HashSet<string>? _visibleMetadataKeys;

    public SmsRenderer(IOptions<SmsTemplateOptions> templates, IOptions<CustomSmsSenderOptions> options)
    {
        _templates = templates.Value;
        _options = options.Value;
        _fluidOptions = LiquidValues.Options(_options.AppUrl);
        _visibleMetadataKeys = LiquidValues.VisibleKeys(_templates.ClientMetadataKeys);

        // Registered templates are compiled up front so a syntax error fails at start-up, not on a user's SMS.
        foreach (var template in _templates.Templates)
        {
            _compiled[template] = Compile(template);
        }
    }

    /// <summary>Whether there is a template (registered or built in) for the trigger source.</summary>
    public bool CanRender(string triggerSource)
        => DefaultSmsTemplates.For(triggerSource) is not null || _templates.Templates.Any(t => t.TriggerSource == triggerSource);

    /// <summary>The event's locale (client metadata, else the <c>locale</c> attribute).</summary>
    public string? LocaleOf(CustomSmsSenderEvent evt)
        => TemplateChoice.LocaleOf(evt.Request.ClientMetadata, evt.Request.UserAttributes, _templates.LocaleMetadataKey);

    /// <summary>The template for a source, client and locale: the best registered match, else the built-in one.</summary>
    public SmsTemplate? Select(string triggerSource, string? clientId, string? locale)
        => TemplateChoice.Select(_templates.Templates, static t => (t.TriggerSource, t.ClientId, t.Locale), triggerSource, clientId, locale)
            ?? DefaultSmsTemplates.For(triggerSource);

    /// <summary>Renders the text; line breaks are kept, surrounding white space trimmed.</summary>
    public string Render(CustomSmsSenderEvent evt, string phoneNumber, string code)
    {
        var locale = LocaleOf(evt);
        var template = Select(evt.TriggerSource, evt.CallerContext?.ClientId, locale)
            ?? throw new CognitoTriggerEventException("triggerSource", $"no SMS template for '{UntrustedText.Safe(evt.TriggerSource)}'; register one with services.AddSmsTemplate(...).");
        var compiled = _compiled.GetOrAdd(template, Compile);

        var context = new TemplateContext(_fluidOptions);
        var attributes = evt.Request.UserAttributes;
        LiquidValues.Set(context, "code", code);
        LiquidValues.Set(context, "temporary_password", evt.TriggerSource == CustomSmsSenderEvent.AdminCreateUser ? code : null);
        LiquidValues.Set(context, "username", evt.UserName ?? string.Empty);
        LiquidValues.Set(context, "phone_number", phoneNumber);
        LiquidValues.Set(context, "app_url", _options.AppUrl?.AbsoluteUri.TrimEnd('/'));
        LiquidValues.Set(context, "trigger_source", evt.TriggerSource);
        LiquidValues.Set(context, "client_id", evt.CallerContext?.ClientId);
        LiquidValues.Set(context, "user_pool_id", evt.UserPoolId);
        LiquidValues.Set(context, "region", evt.Region);
        LiquidValues.Set(context, "locale", locale);
        context.SetValue("user_attributes", LiquidValues.Dictionary(attributes, null));
        context.SetValue("client_metadata", LiquidValues.Dictionary(evt.Request.ClientMetadata ?? [], _visibleMetadataKeys));
        return compiled.Render(context, NullEncoder.Default).Trim();
    }

    private IFluidTemplate Compile(SmsTemplate template)
    {
        if (!_parser.Value.TryParse(template.Body ?? string.Empty, out var parsed, out var error))
        {
            throw new InvalidOperationException(
                $"The SMS template for {template.TriggerSource}" +
                (template.ClientId is null ? string.Empty : $", client {template.ClientId}") +
                (template.Locale is null ? string.Empty : $", locale {template.Locale}") +
                $" is not valid Liquid: {error}");
        }

        return parsed;
    }
}
