using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Authentication;

/// <summary>
/// Points a JwtBearer scheme at <see cref="ICognitoTokenValidator"/>. Runs after the app's own configuration
/// (post-configure), so it also wraps events the app set: our challenge hook writes the
/// <c>error_description</c> (the failed check; the detail only with <see cref="CognitoJwtBearerOptions.DetailedErrors"/>) and then calls the app's.
/// </summary>
internal sealed class ConfigureCognitoJwtBearerOptions : IPostConfigureOptions<JwtBearerOptions>
{
    private readonly ICognitoTokenValidator _validator;
    private readonly IOptionsMonitor<CognitoJwtBearerOptions> _cognitoOptions;
    private readonly CognitoJwtBearerSchemes _schemes;

    public ConfigureCognitoJwtBearerOptions(ICognitoTokenValidator validator, IOptionsMonitor<CognitoJwtBearerOptions> cognitoOptions, CognitoJwtBearerSchemes schemes)
    {
        _validator = validator;
        _cognitoOptions = cognitoOptions;
        _schemes = schemes;
    }

    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name is null || !_schemes.Names.Contains(name))
        {
            return;
        }

        var cognito = _cognitoOptions.Get(name);
        options.MapInboundClaims = false;
        options.UseSecurityTokenValidators = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CognitoJwtBearerTokenHandler(_validator, cognito.TokenUse));
        var detailed = cognito.DetailedErrors;
        options.TokenValidationParameters.NameClaimType =
            cognito.TokenUse == CognitoTokenUse.Access ? CognitoClaimTypes.Username : CognitoClaimTypes.CognitoUsername;
        options.TokenValidationParameters.RoleClaimType = CognitoClaimTypes.Groups;
        options.Events ??= new JwtBearerEvents();
        var appChallenge = options.Events.OnChallenge;
        options.Events.OnChallenge = context =>
        {
            if (Describe(context.AuthenticateFailure, detailed) is { } description)
            {
                context.Error = "invalid_token";
                context.ErrorDescription = description;
            }

            return appChallenge(context);
        };
    }

    private static string? Describe(Exception? failure, bool detailed) => failure switch
    {
        CognitoTokenValidationException ex => CognitoTokenFailureDescription.Of(ex, detailed),
        AggregateException aggregate when aggregate.InnerExceptions.OfType<CognitoTokenValidationException>().Any() =>
            string.Join("; ", aggregate.InnerExceptions.OfType<CognitoTokenValidationException>().Select(e => CognitoTokenFailureDescription.Of(e, detailed))),
        _ => null,
    };
}
