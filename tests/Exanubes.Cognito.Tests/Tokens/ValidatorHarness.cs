using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>A real validator from the real DI registration, with an in-memory JWKS endpoint, a fake clock and a fake log.</summary>
internal sealed class ValidatorHarness : IAsyncDisposable
{
    private ValidatorHarness(ServiceProvider services, FakeJwksHandler jwks, FakeTimeProvider time)
    {
        Services = services;
        Jwks = jwks;
        Time = time;
        Validator = services.GetRequiredService<ICognitoTokenValidator>();
        Logs = services.GetFakeLogCollector();
    }

    public ServiceProvider Services { get; }

    public FakeJwksHandler Jwks { get; }

    public FakeTimeProvider Time { get; }

    public ICognitoTokenValidator Validator { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>The signing keys of the first pool's first issuer (the ORIGINAL form, unless an exact issuer is set).</summary>
    public CognitoSigningKeyCache Keys => Services.GetRequiredService<CognitoUserPoolRegistry>().Pools[0].Issuers[0].Keys;

    public static void Register(IServiceCollection services, FakeJwksHandler jwks, FakeTimeProvider time)
    {
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient(JwksClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => jwks);
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = TestTokens.PoolId;
            o.ClientId = TestTokens.ClientId;
        });
    }

    /// <summary>
    /// Builds the harness with the pool's ORIGINAL issuer form pinned, so its JWKS is loaded at warm-up like a host
    /// start would (the key-cache tests count fetches from there).
    /// </summary>
    public static Task<ValidatorHarness> CreatePinnedAsync(Action<CognitoTokenValidationOptions>? configure = null, bool warm = true, FakeJwksHandler? jwks = null) =>
        CreateAsync(configure, warm, jwks, pinOriginal: true);

    /// <summary>Builds the harness; <paramref name="warm"/> runs the hosted warm-up like a host start would.</summary>
    public static async Task<ValidatorHarness> CreateAsync(Action<CognitoTokenValidationOptions>? configure = null, bool warm = true, FakeJwksHandler? jwks = null, bool pinOriginal = false)
    {
        jwks ??= new FakeJwksHandler();
        var time = new FakeTimeProvider(TestTokens.Now);
        var services = new ServiceCollection();
        Register(services, jwks, time);
        if (configure is null)
        {
            services.AddCognitoTokenValidation();
        }
        else
        {
            services.AddCognitoTokenValidation(configure);
        }

        if (pinOriginal)
        {
            services.AddCognitoTokenValidation(o =>
            {
                if (o.UserPools.Count == 0)
                {
                    var pool = new CognitoUserPoolTokenOptions { UserPoolId = TestTokens.PoolId, IssuerForm = CognitoIssuerForm.Original };
                    pool.ClientIds.Add(TestTokens.ClientId);
                    o.UserPools.Add(pool);
                }
            });
        }

        var provider = services.BuildServiceProvider();
        var harness = new ValidatorHarness(provider, jwks, time);
        if (warm)
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}
