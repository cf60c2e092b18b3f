using Amazon.Runtime;
using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.Tests.IdentityProvider;

/// <summary>A real container with <c>AddCognitoAuth</c> whose Cognito HttpClient ends in a <see cref="FakeCognitoHandler"/>.</summary>
internal sealed class WireTestHost : IAsyncDisposable
{
    public const string PoolId = "eu-west-1_AbCdEf123";
    public const string ClientId = "1example23456789abcdefghij";
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private WireTestHost(ServiceProvider provider, FakeCognitoHandler handler)
    {
        Provider = provider;
        Handler = handler;
    }

    public ServiceProvider Provider { get; }

    public FakeCognitoHandler Handler { get; }

    public CognitoIdentityProviderClient Client => Provider.GetRequiredService<CognitoIdentityProviderClient>();

    public ICognitoAuthService Auth => Provider.GetRequiredService<ICognitoAuthService>();

    public ICognitoAdminService Admin => Provider.GetRequiredService<ICognitoAdminService>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static WireTestHost Create(Func<CapturedRequest, HttpResponseMessage> respond, Action<CognitoAuthOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var handler = new FakeCognitoHandler(respond);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(AccessKey, SecretKey));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = PoolId;
            options.ClientId = ClientId;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(options);
        });
        services.AddHttpClient(CognitoIdentityProviderClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return new WireTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), handler);
    }

    public static WireTestHost Create(string fixture, Action<CognitoAuthOptions>? configure = null, TimeProvider? timeProvider = null) =>
        Create(_ => FakeCognitoHandler.Fixture(fixture), configure, timeProvider);

    public static FakeTimeProvider FixedTime() => new(new DateTimeOffset(2026, 11, 29, 7, 5, 9, TimeSpan.Zero));

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
