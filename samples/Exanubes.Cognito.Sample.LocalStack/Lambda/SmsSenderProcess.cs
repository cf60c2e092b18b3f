using Exanubes.Cognito.Sample.LocalStack.Stack;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// The sample SMS sender (samples/Exanubes.Cognito.Sample.SmsSender) as a <see cref="LambdaFunction"/>: a separate process
/// (the JIT build, <c>dotnet Exanubes.Cognito.Sample.SmsSender.dll</c> from this app's folder) running its <c>Main</c>,
/// the Runtime API loop, configured by environment variables as Lambda would: its KMS client points at the stand-in
/// (the same key as the email sender's) and its provider is the development sink, whose file the demo's "SMS inbox"
/// page reads.
/// </summary>
public static class SmsSenderProcess
{
    private const string AssemblyName = "Exanubes.Cognito.Sample.SmsSender";

    /// <summary>The function definition for the Lambda host.</summary>
    public static LambdaFunction Create(LocalCognitoStack stack, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var dll = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The sample SMS sender's build is missing at '{dll}' (the local stack's project references it; build the stack again).");
        }

        var logger = loggerFactory.CreateLogger("Lambda." + stack.Options.SmsSenderFunctionName);
        return new LambdaFunction(stack.Options.SmsSenderFunctionName, (runtimeApi, _) => Task.FromResult(
            FunctionProcess.Start(FunctionProcess.DotnetHost(), [dll], $"JIT build (dotnet {dll})", Settings(stack, runtimeApi), logger)));
    }

    /// <summary>The function's environment, as Lambda sets it, plus the SMS sender's settings.</summary>
    public static Dictionary<string, string> Settings(LocalCognitoStack stack, string runtimeApi)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return new(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["AWS_LAMBDA_FUNCTION_NAME"] = stack.Options.SmsSenderFunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
            ["SmsSender__KmsKeyArn"] = stack.Kms.KeyArn,
            ["SmsSender__UserPoolId"] = stack.UserPoolId,
            ["SmsSender__KmsServiceUrl"] = stack.Kms.Url.ToString(),
            ["SmsSender__AppUrl"] = stack.DemoUrl.ToString().TrimEnd('/'),
            ["SmsProvider__Kind"] = "Development",
            ["Development__InboxPath"] = stack.SmsInboxPath,
            ["AWS_REGION"] = stack.Options.Region,
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
    }
}
