using System.Globalization;
using Exanubes.Cognito.Sample.EmailSender;
using Exanubes.Cognito.Sample.LocalStack.Stack;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// Configures the sample email sender exactly as Lambda would: through environment variables (the function reads
/// them at its cold start). Points its KMS client at the stand-in and its mailer at maildev's SMTP port.
/// </summary>
internal static class EmailSenderEnvironment
{
    /// <summary>Sets the variables; disposing the result restores what was there before (the stack does on stop).</summary>
    public static IAsyncDisposable Apply(LocalCognitoStack stack)
    {
        var settings = new Dictionary<string, string>
        {
            ["EmailSender__KmsKeyArn"] = stack.Kms.KeyArn,
            ["EmailSender__UserPoolId"] = stack.UserPoolId,
            ["EmailSender__KmsServiceUrl"] = stack.Kms.Url.ToString(),
            ["EmailSender__AppUrl"] = stack.DemoUrl.ToString().TrimEnd('/'),
            ["EmailSender__FromAddress"] = "no-reply@exanubes.local",
            ["EmailSender__FromName"] = "Exanubes demo",
            ["Mailer__Kind"] = "Smtp",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = stack.Options.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__UseTls"] = "None",
            ["AWS_REGION"] = stack.Options.Region,
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        var previous = settings.Keys.ToDictionary(key => key, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        return new Restore(previous);
    }

    private sealed class Restore(Dictionary<string, string?> previous) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            foreach (var (key, value) in previous)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A cold start of the sample function: a new instance reading the environment set above.</summary>
    public static Func<Stream, Task<Stream>> CreateFunction()
    {
        var function = new Function();
        return function.HandleAsync;
    }
}
