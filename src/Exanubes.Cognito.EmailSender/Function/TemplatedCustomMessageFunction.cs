using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// A Cognito <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html">custom message</see>
/// Lambda that renders the email with the same templates as the Custom Email Sender (the built-in ones, or those you
/// register with <c>services.AddEmailTemplate(...)</c> in <see cref="ConfigureServices"/>), in placeholder mode: the code
/// is Cognito's <c>request.codeParameter</c> (<c>{####}</c>) and, for AdminCreateUser, the username its
/// <c>request.usernameParameter</c> (<c>{username}</c>). Both stay literal in the body and inside links, because Cognito
/// replaces only the exact placeholder after the function returns.
/// </summary>
/// <remarks>
/// Settings come from the environment like the sender's: <c>EmailSender__AppUrl</c> for links. No KMS key is needed: a
/// custom message never sees the code. The SMS text is left to Cognito (<c>smsMessage</c> stays <see langword="null"/>).
/// A template that drops the code placeholder fails the invocation instead of sending a message without a code.
/// </remarks>
public abstract class TemplatedCustomMessageFunction : CustomMessageFunction
{
    private readonly IEnvironmentVariables _environment;
    private readonly Lazy<EmailRenderer> _renderer;

    /// <summary>Creates the function; templates are compiled on the first invocation.</summary>
    protected TemplatedCustomMessageFunction()
        : this(ProcessEnvironmentVariables.Instance)
    {
    }

    internal TemplatedCustomMessageFunction(IEnvironmentVariables environment)
    {
        _environment = environment;
        _renderer = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Registers templates (<c>services.AddEmailTemplate(...)</c>, <c>services.ConfigureEmailTemplates(...)</c>). Called once per container.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The environment as configuration (<c>__</c> separates sections).</param>
    protected virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <inheritdoc />
    protected override ValueTask HandleAsync(CustomMessageEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var source = SenderSourceFor(evt.TriggerSource);
        var userName = evt.Request.UsernameParameter ?? evt.UserName;
        var input = new EmailRenderInput(source, userName, evt.UserPoolId, evt.Region, evt.CallerContext?.ClientId, evt.Request.UserAttributes, evt.Request.ClientMetadata);
        var recipient = evt.Request.UserAttributes.TryGetValue("email", out var email) ? email : string.Empty;

        var message = _renderer.Value.Render(input, recipient, evt.Request.CodeParameter, keepPlaceholders: true);
        if (!message.HtmlBody.Contains(evt.Request.CodeParameter, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The email template for {source} has no {evt.Request.CodeParameter} in its HTML body after rendering; Cognito would send it without the code. Output {{{{ code }}}} (or {{{{ temporary_password }}}}) unencoded by a filter.");
        }

        evt.Response.EmailSubject = message.Subject;
        evt.Response.EmailMessage = message.HtmlBody;
        return ValueTask.CompletedTask;
    }

    /// <summary><c>CustomMessage_SignUp</c> → <c>CustomEmailSender_SignUp</c>: the seven sources share their suffixes.</summary>
    internal static CustomEmailSenderTriggerSource SenderSourceFor(string customMessageSource)
    {
        const string Prefix = "CustomMessage_";
        var wanted = "CustomEmailSender_" + customMessageSource[Prefix.Length..];
        return CustomEmailSenderTriggerSource.All.First(s => s.Value == wanted);
    }

    private EmailRenderer Build()
    {
        var values = _environment.GetAll().Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOptions<EmailTemplateOptions>();
        services.AddOptions<CustomEmailSenderOptions>().Bind(configuration.GetSection(CustomEmailSenderOptions.SectionName));
        ConfigureServices(services, configuration);
        using var provider = services.BuildServiceProvider();
        return new EmailRenderer(
            Options.Create(provider.GetRequiredService<IOptions<EmailTemplateOptions>>().Value),
            Options.Create(provider.GetRequiredService<IOptions<CustomEmailSenderOptions>>().Value));
    }
}
