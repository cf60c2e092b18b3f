using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.EmailSender.Tests.Support;

/// <summary>A function built from a fixed environment, writing standard output to a <see cref="StringWriter"/>.</summary>
internal sealed class TestFunction : CustomEmailSenderFunction
{
    private readonly Action<IServiceCollection, IConfiguration> _configure;

    private TestFunction(IReadOnlyDictionary<string, string?> environment, Action<IServiceCollection, IConfiguration> configure, StringWriter stdout)
        : base(new FixedEnvironmentVariables(environment), stdout)
    {
        _configure = configure;
        Stdout = stdout;
    }

    public StringWriter Stdout { get; }

    public int ConfigureCalls { get; private set; }

    public static TestFunction Create(IReadOnlyDictionary<string, string?> environment, Action<IServiceCollection, IConfiguration> configure)
        => new(environment, configure, new StringWriter());

    /// <summary>A function with the fake KMS and the given mailer, from the default test environment plus overrides.</summary>
    public static TestFunction WithMailer(IMailer mailer, FakeKeyManagementService? kms = null, params (string Key, string? Value)[] environment)
        => Create(Environment(environment), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(kms ?? new FakeKeyManagementService());
            services.AddSingleton(mailer);
        });

    public static Dictionary<string, string?> Environment(params (string Key, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["EmailSender__KmsKeyArn"] = FakeKeyManagementService.KeyArn,
            ["EmailSender__UserPoolId"] = "eu-west-1_TestPool1",
            ["EmailSender__AppUrl"] = "https://app.example.com",
            ["EmailSender__FromAddress"] = "no-reply@example.com",
            ["EmailSender__FromName"] = "Example App",
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        ConfigureCalls++;
        _configure(services, configuration);
    }
}
