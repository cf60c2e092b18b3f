using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Fills the derived values once: the pool of <see cref="CognitoAuthOptions"/> when none is listed, each pool's region,
/// issuer and JWKS address. Then validates everything with messages that name the setting and the expected format.
/// </summary>
internal sealed partial class CognitoTokenValidationOptionsSetup :
    IPostConfigureOptions<CognitoTokenValidationOptions>, IValidateOptions<CognitoTokenValidationOptions>
{
    private readonly IOptions<CognitoAuthOptions> _auth;

    public CognitoTokenValidationOptionsSetup(IOptions<CognitoAuthOptions> auth)
    {
        _auth = auth;
    }

    public void PostConfigure(string? name, CognitoTokenValidationOptions options)
    {
        var auth = _auth.Value;
        if (options.UserPools.Count == 0 && !string.IsNullOrWhiteSpace(auth.UserPoolId))
        {
            var pool = new CognitoUserPoolTokenOptions
            {
                UserPoolId = auth.UserPoolId,
                Region = auth.Region,
                Issuer = auth.Issuer ?? (auth.ServiceUrl is { IsAbsoluteUri: true } service
                    ? new Uri(service.OriginalString.TrimEnd('/') + "/" + auth.UserPoolId)
                    : null),
            };
            if (!string.IsNullOrWhiteSpace(auth.ClientId))
            {
                pool.ClientIds.Add(auth.ClientId);
            }

            options.UserPools.Add(pool);
        }

        foreach (var pool in options.UserPools)
        {
            var underscore = pool.UserPoolId.IndexOf('_', StringComparison.Ordinal);
            pool.Region ??= underscore > 0 ? pool.UserPoolId[..underscore] : null;
            pool.Issuer ??= pool.Region is null
                ? null
                : new Uri($"https://cognito-idp.{pool.Region}.amazonaws.com/{pool.UserPoolId}");
            pool.JwksUri ??= pool.Issuer is not { IsAbsoluteUri: true }
                ? null
                : new Uri(pool.Issuer.OriginalString.TrimEnd('/') + "/.well-known/jwks.json");
        }
    }

    public ValidateOptionsResult Validate(string? name, CognitoTokenValidationOptions options)
    {
        var errors = new List<string>();
        if (options.UserPools.Count == 0)
        {
            errors.Add("No user pool to accept tokens from: set Cognito:UserPoolId (CognitoAuthOptions.UserPoolId, format '<region>_<id>', e.g. 'eu-west-1_AbCdEf123') or add an entry to CognitoTokenValidationOptions.UserPools.");
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pool in options.UserPools)
        {
            if (!UserPoolIdPattern().IsMatch(pool.UserPoolId))
            {
                errors.Add($"CognitoUserPoolTokenOptions.UserPoolId '{pool.UserPoolId}' is not a user pool id; expected '<region>_<id>', e.g. 'eu-west-1_AbCdEf123'.");
                continue;
            }

            if (!pool.AllowAnyClient && (pool.ClientIds.Count == 0 || pool.ClientIds.Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"CognitoUserPoolTokenOptions.ClientIds of user pool '{pool.UserPoolId}' must list the accepted app client ids (Cognito:ClientId); set AllowAnyClient to accept every app client.");
            }

            CheckUri(errors, pool.Issuer, $"CognitoUserPoolTokenOptions.Issuer of user pool '{pool.UserPoolId}'");
            CheckUri(errors, pool.JwksUri, $"CognitoUserPoolTokenOptions.JwksUri of user pool '{pool.UserPoolId}'");
            if (pool.Issuer is not null && !issuers.Add(pool.Issuer.OriginalString.TrimEnd('/')))
            {
                errors.Add($"User pool '{pool.UserPoolId}' is listed more than once in CognitoTokenValidationOptions.UserPools; list all its app clients in one entry.");
            }

            if (pool.MaxAuthenticationAge is { } age && age <= TimeSpan.Zero)
            {
                errors.Add($"CognitoUserPoolTokenOptions.MaxAuthenticationAge of user pool '{pool.UserPoolId}' must be positive.");
            }
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add("CognitoTokenValidationOptions.ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.MaxTokenLength < 1024)
        {
            errors.Add("CognitoTokenValidationOptions.MaxTokenLength must be at least 1024 characters.");
        }

        if (options.ValidatedTokenCacheSize < 0)
        {
            errors.Add("CognitoTokenValidationOptions.ValidatedTokenCacheSize must be 0 (off) or positive.");
        }

        if (options.JwksMinimumRefreshInterval <= TimeSpan.Zero || options.JwksRefreshPeriod <= TimeSpan.Zero || options.JwksTimeout <= TimeSpan.Zero)
        {
            errors.Add("CognitoTokenValidationOptions.JwksMinimumRefreshInterval, JwksRefreshPeriod and JwksTimeout must be positive.");
        }

        if (options.JwksMaxResponseBytes < 1024)
        {
            errors.Add("CognitoTokenValidationOptions.JwksMaxResponseBytes must be at least 1024.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUri(List<string> errors, Uri? uri, string setting)
    {
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{setting} must be an absolute https URL (http only for local stacks), e.g. 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123'.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9-]+_[0-9A-Za-z]+$")]
    private static partial Regex UserPoolIdPattern();
}
