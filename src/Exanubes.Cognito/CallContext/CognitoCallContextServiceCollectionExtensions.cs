using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito;

/// <summary>Registers the options of <see cref="CognitoCallContextHttpContextExtensions.GetCognitoCallContextAsync"/>.</summary>
public static class CognitoCallContextServiceCollectionExtensions
{
    /// <summary>
    /// Configures how <c>HttpContext.GetCognitoCallContextAsync()</c> reads the end user's context from a request
    /// (<see cref="CognitoCallContextOptions"/>), validated at start-up. Calling it twice applies both configurations.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the defaults; <see langword="null"/> keeps them.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Start-up fails with <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> when
    /// <see cref="CognitoCallContextOptions.Headers"/> names <c>Authorization</c>, <c>Proxy-Authorization</c> or
    /// <c>Cookie</c> without <see cref="CognitoCallContextOptions.AllowCredentialHeaders"/>, or when
    /// <see cref="CognitoCallContextOptions.MaxEncodedDataLength"/> is not positive.
    /// </remarks>
    public static IServiceCollection AddCognitoCallContext(this IServiceCollection services, Action<CognitoCallContextOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<CognitoCallContextOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder
            .Validate(
                o => o.AllowCredentialHeaders || !o.Headers.Any(CognitoCallContextHttpContextExtensions.IsCredentialHeader),
                "CognitoCallContextOptions.Headers names Authorization, Proxy-Authorization or Cookie: these carry the user's credentials. Remove them, or set CognitoCallContextOptions.AllowCredentialHeaders to send them to Cognito.")
            .Validate(o => o.MaxEncodedDataLength > 0, "CognitoCallContextOptions.MaxEncodedDataLength must be a positive number of characters.")
            .ValidateOnStart();
        return services;
    }
}
