using System.Globalization;
using Exanubes.Cognito.Sample.LocalStack.Stack;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// The sample email sender (samples/Exanubes.Cognito.Sample.EmailSender) as a <see cref="LambdaFunction"/>: a separate
/// process running the sender's <c>Main</c>, the same Runtime API loop it runs on <c>provided.al2023</c>, configured by
/// environment variables as Lambda would (KMS client → the stand-in, SMTP mailer → maildev). It runs the Native AOT
/// binary when one is built (<see cref="LocalStackOptions.SenderAotBinary"/>), the JIT build otherwise
/// (<c>dotnet Exanubes.Cognito.Sample.EmailSender.dll</c> from this app's folder); <see cref="LocalStackOptions.SenderRuntime"/>
/// forces one. Its output goes to the stack's log.
/// </summary>
public static class EmailSenderProcess
{
    /// <summary>The AOT publish command the console and README give.</summary>
    public const string AotPublishCommand = "dotnet publish samples/Exanubes.Cognito.Sample.EmailSender -c Release -r linux-x64 -p:PublishAot=true -o artifacts/email-sender-aot";

    private const string AssemblyName = "Exanubes.Cognito.Sample.EmailSender";

    /// <summary>
    /// What the sample email sender is built from, relative to the repository root: its project, the packages it
    /// references, the pool-id parser they link, and the build settings. The AOT tests hash the same list.
    /// </summary>
    public static readonly IReadOnlyList<string> SenderSources =
    [
        "samples/Exanubes.Cognito.Sample.EmailSender", "src/Exanubes.Cognito.EmailSender", "src/Exanubes.Cognito.Lambda",
        "src/Exanubes.EncryptionSdk", "src/Exanubes.Cognito.Idempotency.DynamoDb", "src/Exanubes.Cognito/UserPools",
        "Directory.Build.props", "Directory.Packages.props", "global.json",
    ];

    /// <summary>The function definition for the Lambda host.</summary>
    public static LambdaFunction Create(LocalCognitoStack stack, ILoggerFactory loggerFactory)
    {
        var (file, arguments, description) = Choose(stack.Options, stack.RepositoryRoot);
        var logger = loggerFactory.CreateLogger("Lambda." + stack.Options.EmailSenderFunctionName);
        return new LambdaFunction(stack.Options.EmailSenderFunctionName, (runtimeApi, _) => Task.FromResult(FunctionProcess.Start(file, arguments, description, Settings(stack, runtimeApi), logger)));
    }

    /// <summary>The binary to run: (file, arguments, description for the console).</summary>
    public static (string File, IReadOnlyList<string> Arguments, string Description) Choose(LocalStackOptions options, string repositoryRoot)
    {
        var aot = AotBinaryPath(options, repositoryRoot);
        var jit = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
        var runtime = (options.SenderRuntime ?? "Auto").Trim();
        var stale = File.Exists(aot) ? NewerSource(repositoryRoot, File.GetLastWriteTimeUtc(aot)) : null;
        var useAot = runtime.ToUpperInvariant() switch
        {
            "AUTO" => File.Exists(aot) && stale is null,
            "AOT" => File.Exists(aot) ? true : throw new InvalidOperationException($"LocalStack:SenderRuntime is Aot but no Native AOT sender is at '{aot}'. Build it: {AotPublishCommand}"),
            "JIT" => false,
            _ => throw new InvalidOperationException($"LocalStack:SenderRuntime is '{runtime}'; expected Auto, Aot or Jit."),
        };
        if (useAot)
        {
            var built = File.GetLastWriteTimeUtc(aot).ToString("u", CultureInfo.InvariantCulture);
            var warning = stale is null ? string.Empty : $"; older than {stale}, rebuild with: {AotPublishCommand}";
            return (aot, [], $"Native AOT binary {aot} (built {built}{warning})");
        }

        if (!File.Exists(jit))
        {
            throw new InvalidOperationException($"The sample sender's JIT build is missing at '{jit}' (the local stack's project references it; build the stack again).");
        }

        var hint = runtime.Equals("JIT", StringComparison.OrdinalIgnoreCase) ? "LocalStack:SenderRuntime=Jit"
            : stale is not null ? $"the Native AOT binary at {aot} is older than {stale}; rebuild it with: {AotPublishCommand}"
            : $"no Native AOT binary at {aot}; build one with: {AotPublishCommand}";
        return (FunctionProcess.DotnetHost(), [jit], $"JIT build (dotnet {jit}; {hint})");
    }

    /// <summary>
    /// The first source of the sender (its project and the packages it is built from) changed after
    /// <paramref name="builtUtc"/>, or <see langword="null"/>: an AOT binary older than its sources would run yesterday's code.
    /// </summary>
    public static string? NewerSource(string repositoryRoot, DateTime builtUtc)
    {
        foreach (var source in SenderSources)
        {
            var path = Path.Combine(repositoryRoot, source);
            IEnumerable<string> files = File.Exists(path) ? [path] : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : [];
            foreach (var file in files)
            {
                var separator = Path.DirectorySeparatorChar;
                if (!file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                    && File.GetLastWriteTimeUtc(file) > builtUtc)
                {
                    return Path.GetRelativePath(repositoryRoot, file);
                }
            }
        }

        return null;
    }

    /// <summary>Where the AOT binary is looked for: the option, or <c>artifacts/email-sender-aot/</c> at the repository root.</summary>
    public static string AotBinaryPath(LocalStackOptions options, string repositoryRoot)
        => Path.GetFullPath(options.SenderAotBinary ?? Path.Combine(repositoryRoot, "artifacts", "email-sender-aot", AssemblyName));

    /// <summary>The function's environment, as Lambda sets it (Runtime API, function name, region) plus the sender's settings.</summary>
    public static Dictionary<string, string> Settings(LocalCognitoStack stack, string runtimeApi) => new(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["AWS_LAMBDA_FUNCTION_NAME"] = stack.Options.EmailSenderFunctionName,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
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
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
