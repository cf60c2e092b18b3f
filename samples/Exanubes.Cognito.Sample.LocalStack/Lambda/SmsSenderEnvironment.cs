using Exanubes.Cognito.Sample.LocalStack.Stack;
using Exanubes.Cognito.Sample.SmsSender;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// Configures the sample SMS sender exactly as Lambda would, through environment variables: its KMS client points at the
/// stand-in (the same key as the email sender's) and its provider is the development sink, whose file the demo's
/// "SMS inbox" page reads.
/// </summary>
internal static class SmsSenderEnvironment
{
    /// <summary>Sets the variables; disposing the result restores what was there before (the stack does on stop).</summary>
    public static IAsyncDisposable Apply(LocalCognitoStack stack)
    {
        var settings = new Dictionary<string, string>
        {
            ["SmsSender__KmsKeyArn"] = stack.Kms.KeyArn,
            ["SmsSender__UserPoolId"] = stack.UserPoolId,
            ["SmsSender__KmsServiceUrl"] = stack.Kms.Url.ToString(),
            ["SmsSender__AppUrl"] = stack.DemoUrl.ToString().TrimEnd('/'),
            ["SmsProvider__Kind"] = "Development",
            ["Development__InboxPath"] = stack.SmsInboxPath,
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

    /// <summary>A cold start of the sample SMS function: a new instance reading the environment set above.</summary>
    public static Func<Stream, Task<Stream>> CreateFunction()
    {
        var function = new SmsFunction();
        return function.HandleAsync;
    }
}
