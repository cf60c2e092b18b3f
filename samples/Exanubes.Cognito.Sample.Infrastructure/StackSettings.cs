using System.Globalization;
using Constructs;

namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>Reads <see cref="CognitoStackProps"/> from CDK context (<c>-c key=value</c> or cdk.json).</summary>
public static class StackSettings
{
    /// <summary>Context keys that would put a secret into the template; rejected with a pointer to the safe way.</summary>
    private static readonly string[] SecretKeys = ["sendGridApiKey", "smtpPassword", "smtpUserName", "apiKey", "password"];

    /// <summary>
    /// Builds the stack props from the context of <paramref name="scope"/>. Keys: <c>userPoolName</c>,
    /// <c>clientName</c>, <c>signInAliases</c> (comma list of <c>username</c>, <c>email</c>), <c>generateSecret</c>,
    /// <c>mailer</c> (<c>SendGrid|Smtp|Development</c>), <c>fromAddress</c>, <c>fromName</c>, <c>appUrl</c>,
    /// <c>sendGridApiKeyParameter</c>, <c>smtpHost</c>, <c>smtpPort</c>, <c>smtpTls</c> (<c>None|StartTls|SslOnConnect|Auto</c>), <c>userPoolId</c>,
    /// <c>environment</c> (<c>dev|prod</c>), <c>senderAssetPath</c>, <c>senderRuntime</c> (<c>managed|aot</c>),
    /// <c>senderArchitecture</c> (<c>arm64|x86_64</c>), <c>smsSender</c> (<c>true|false</c>), <c>smsSenderAssetPath</c>,
    /// <c>idempotencyTable</c> (<c>true|false</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A value is malformed or a secret was passed as context.</exception>
    public static CognitoStackProps FromContext(Construct scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var key in SecretKeys)
        {
            if (Get(scope, key) is not null)
            {
                throw new ArgumentException(
                    $"Context '{key}' is refused: a secret passed as context ends up in the synthesized template. " +
                    "Store the SendGrid API key in an SSM SecureString parameter and pass its name as " +
                    "'sendGridApiKeyParameter'; use SMTP only with a relay that needs no credentials.");
            }
        }

        var props = new CognitoStackProps();
        props.UserPoolName = Get(scope, "userPoolName") ?? props.UserPoolName;
        props.ClientName = Get(scope, "clientName") ?? props.ClientName;
        if (Get(scope, "signInAliases") is { } aliases)
        {
            var parts = aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = parts.Where(p => p is not ("username" or "email")).ToArray();
            if (parts.Length == 0 || unknown.Length > 0)
            {
                throw new ArgumentException(
                    $"Context 'signInAliases' must be a comma list of 'username' and 'email', got '{aliases}'.");
            }

            props.SignInWithUsername = parts.Contains("username");
            props.SignInWithEmail = parts.Contains("email");
        }

        props.GenerateSecret = GetBool(scope, "generateSecret") ?? props.GenerateSecret;
        if (Get(scope, "mailer") is { } mailer)
        {
            props.Mailer = Enum.TryParse<MailerKind>(mailer, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw new ArgumentException($"Context 'mailer' must be SendGrid, Smtp or Development, got '{mailer}'.");
        }

        props.FromAddress = Get(scope, "fromAddress") ?? props.FromAddress;
        props.FromName = Get(scope, "fromName") ?? props.FromName;
        props.AppUrl = Get(scope, "appUrl") ?? props.AppUrl;
        props.SendGridApiKeyParameterName = Get(scope, "sendGridApiKeyParameter") ?? props.SendGridApiKeyParameterName;
        props.SmtpHost = Get(scope, "smtpHost") ?? props.SmtpHost;
        if (Get(scope, "smtpPort") is { } port)
        {
            props.SmtpPort = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new ArgumentException($"Context 'smtpPort' must be a port number, got '{port}'.");
        }

        if (Get(scope, "smtpTls") is { } tls)
        {
            props.SmtpTls = Enum.TryParse<SmtpTlsMode>(tls, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                ? mode
                : throw new ArgumentException($"Context 'smtpTls' must be None, StartTls, SslOnConnect or Auto, got '{tls}'.");
        }
        props.ExpectedUserPoolId = Get(scope, "userPoolId") ?? props.ExpectedUserPoolId;
        props.IsDevelopment = Get(scope, "environment") switch
        {
            null or "prod" => false,
            "dev" => true,
            var other => throw new ArgumentException($"Context 'environment' must be 'dev' or 'prod', got '{other}'."),
        };
        props.SenderAssetPath = Get(scope, "senderAssetPath") ?? props.SenderAssetPath;
        props.SenderRuntime = Get(scope, "senderRuntime") switch
        {
            null or "managed" => SenderRuntime.Managed,
            "aot" => SenderRuntime.NativeAot,
            var other => throw new ArgumentException($"Context 'senderRuntime' must be 'managed' or 'aot', got '{other}'."),
        };
        props.SenderArchitecture = Get(scope, "senderArchitecture") switch
        {
            null or "arm64" => SenderArchitecture.Arm64,
            "x86_64" => SenderArchitecture.X86_64,
            var other => throw new ArgumentException($"Context 'senderArchitecture' must be 'arm64' or 'x86_64', got '{other}'."),
        };
        props.SmsSender = GetBool(scope, "smsSender") ?? props.SmsSender;
        props.SmsSenderAssetPath = Get(scope, "smsSenderAssetPath") ?? props.SmsSenderAssetPath;
        props.IdempotencyTable = GetBool(scope, "idempotencyTable") ?? props.IdempotencyTable;
        return props;
    }

    private static string? Get(Construct scope, string key) =>
        scope.Node.TryGetContext(key) switch
        {
            null => null,
            string s when string.IsNullOrWhiteSpace(s) => null,
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

    private static bool? GetBool(Construct scope, string key) =>
        Get(scope, key) switch
        {
            null => null,
            var s when bool.TryParse(s, out var b) => b,
            var s => throw new ArgumentException($"Context '{key}' must be true or false, got '{s}'."),
        };
}
