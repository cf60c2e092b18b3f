using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>A real service container with <c>AddCognitoAuth</c> pointed at cognito-local, logging everything at Trace into a <see cref="FakeLogCollector"/>.</summary>
internal static class CognitoLocalServices
{
    public static ServiceProvider Build(CognitoLocalFixture fixture, CognitoLocalPool pool)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = true);

        // cognito-local does not check SigV4 signatures, but the admin calls are still signed: fixed dummy credentials.
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = pool.UserPoolId;
            options.ClientId = pool.ClientId;
            options.ClientSecret = pool.ClientSecret;
            options.ServiceUrl = fixture.Endpoint;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
