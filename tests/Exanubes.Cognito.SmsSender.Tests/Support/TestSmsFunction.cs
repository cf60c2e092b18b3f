using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.SmsSender.Tests.Support;

/// <summary>A function built from a fixed environment, writing standard output to a <see cref="StringWriter"/>.</summary>
internal sealed class TestSmsFunction : CustomSmsSenderFunction
{
    private readonly Action<IServiceCollection, IConfiguration> _configure;

    private TestSmsFunction(IReadOnlyDictionary<string, string?> environment, Action<IServiceCollection, IConfiguration> configure, StringWriter stdout)
        : base(new FixedEnvironmentVariables(environment), stdout)
    {
        _configure = configure;
        Stdout = stdout;
    }

    public StringWriter Stdout { get; }

    public static TestSmsFunction Create(IReadOnlyDictionary<string, string?> environment, Action<IServiceCollection, IConfiguration> configure)
        => new(environment, configure, new StringWriter());

    /// <summary>A function with the fake KMS and the given provider, from the default test environment plus overrides.</summary>
    public static TestSmsFunction WithProvider(ISmsProvider provider, Action<IServiceCollection>? more = null, params (string Key, string? Value)[] environment)
        => Create(Environment(environment), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton(provider);
            more?.Invoke(services);
        });

    public static Dictionary<string, string?> Environment(params (string Key, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SmsSender__KmsKeyArn"] = FakeKeyManagementService.KeyArn,
            ["SmsSender__UserPoolId"] = SmsEvents.UserPoolId,
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration) => _configure(services, configuration);
}
