using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Authentication;

/// <summary>Adds Cognito bearer token authentication to ASP.NET Core.</summary>
public static class CognitoAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds a JwtBearer scheme (<c>Bearer</c>) that accepts exactly the right Cognito access tokens: every check of
    /// <see cref="ICognitoTokenValidator"/>, for the pools and app clients of <see cref="CognitoTokenValidationOptions"/>
    /// (by default the pool and client of <see cref="CognitoAuthOptions"/>).
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// A rejected token gets <c>401</c> with <c>WWW-Authenticate: Bearer error="invalid_token",
    /// error_description="..."</c> naming the failed check (for example <c>issuer not accepted</c>), without expected or
    /// actual values unless <see cref="CognitoJwtBearerOptions.DetailedErrors"/> is on (by default only in
    /// Development); never the token. Each rejection is logged once, by JwtBearer, with the full detail. Claims keep their Cognito names
    /// (<see cref="CognitoClaimTypes"/>); <c>cognito:groups</c> is the role claim type, so <c>[Authorize(Roles = "admin")]</c>
    /// checks Cognito groups.
    /// </remarks>
    public static AuthenticationBuilder AddCognitoJwtBearer(this AuthenticationBuilder builder) =>
        builder.AddCognitoJwtBearer(CognitoAuthenticationDefaults.AuthenticationScheme, _ => { });

    /// <summary>Adds a Cognito JwtBearer scheme with a name of your choice and its options (for example to accept id tokens).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name. Default of the parameterless overload: <c>Bearer</c>.</param>
    /// <param name="configure">Configures what the scheme accepts.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AuthenticationBuilder AddCognitoJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, Action<CognitoJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddCognitoTokenValidation();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<CognitoJwtBearerOptions>, CognitoJwtBearerDefaults>());
        services.Configure(authenticationScheme, configure);
        var schemes = (CognitoJwtBearerSchemes?)services.FirstOrDefault(d => d.ServiceType == typeof(CognitoJwtBearerSchemes))?.ImplementationInstance;
        if (schemes is null)
        {
            schemes = new CognitoJwtBearerSchemes();
            services.AddSingleton(schemes);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, ConfigureCognitoJwtBearerOptions>());
        }

        schemes.Names.Add(authenticationScheme);
        builder.AddJwtBearer(authenticationScheme, _ => { });
        return builder;
    }
}
