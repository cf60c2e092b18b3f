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

    /// <summary>
    /// The configuration key prefix of the bound section (<c>Cognito:TokenValidation:</c>), so messages name keys;
    /// <see langword="null"/> when the options come from code (or from several sections), so messages name properties.
    /// </summary>
    private readonly string? _keyPrefix;

    public CognitoTokenValidationOptionsSetup(IOptions<CognitoAuthOptions> auth, IEnumerable<CognitoTokenValidationConfigurationSection> sections)
    {
        _auth = auth;
        var bound = sections.ToList();
        _keyPrefix = bound.Count == 1 ? (string.IsNullOrEmpty(bound[0].Path) ? string.Empty : bound[0].Path + ":") : null;
    }

    /// <summary>Names a shared setting: <c>Cognito:TokenValidation:ClockSkew</c> or <c>CognitoTokenValidationOptions.ClockSkew</c>.</summary>
    private string Key(string setting) => _keyPrefix is null ? $"CognitoTokenValidationOptions.{setting}" : _keyPrefix + setting;

    /// <summary>Names a pool's setting: <c>Cognito:TokenValidation:UserPools:1:ClientIds (user pool 'x')</c> or <c>CognitoUserPoolTokenOptions.ClientIds of user pool 'x'</c>.</summary>
    private string PoolKey(int index, CognitoUserPoolTokenOptions pool, string setting) => _keyPrefix is null
        ? $"CognitoUserPoolTokenOptions.{setting} of user pool '{pool.UserPoolId}'"
        : $"{_keyPrefix}UserPools:{index}:{setting} (user pool '{pool.UserPoolId}')";

    public void PostConfigure(string? name, CognitoTokenValidationOptions options)
    {
        var auth = options.UserPools.Count == 0 ? TryGetValidAuthOptions() : null;
        if (auth is not null && !string.IsNullOrWhiteSpace(auth.UserPoolId))
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

    /// <summary>The pool settings of <c>AddCognitoAuth</c>, or <see langword="null"/> when they fail their own validation.</summary>
    private CognitoAuthOptions? TryGetValidAuthOptions()
    {
        try
        {
            return _auth.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    public ValidateOptionsResult Validate(string? name, CognitoTokenValidationOptions options)
    {
        if (options.UserPools.Count == 0 && TryGetValidAuthOptions() is null)
        {
            // The pool comes from CognitoAuthOptions, whose own validator already names what is wrong with it.
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        if (options.UserPools.Count == 0)
        {
            errors.Add("No user pool to accept tokens from: set Cognito:UserPoolId (CognitoAuthOptions.UserPoolId, format '<region>_<id>', e.g. 'eu-west-1_AbCdEf123') or add an entry to CognitoTokenValidationOptions.UserPools.");
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.UserPools.Count; i++)
        {
            var pool = options.UserPools[i];
            if (!UserPoolIdPattern().IsMatch(pool.UserPoolId))
            {
                var key = _keyPrefix is null ? "CognitoUserPoolTokenOptions.UserPoolId" : $"{_keyPrefix}UserPools:{i}:UserPoolId";
                errors.Add($"{key} '{pool.UserPoolId}' is not a user pool id; expected '<region>_<id>', e.g. 'eu-west-1_AbCdEf123'.");
                continue;
            }

            if (!pool.AllowAnyClient && (pool.ClientIds.Count == 0 || pool.ClientIds.Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"{PoolKey(i, pool, "ClientIds")} must list the accepted app client ids (Cognito:ClientId); set AllowAnyClient to accept every app client.");
            }

            CheckUri(errors, pool.Issuer, PoolKey(i, pool, "Issuer"));
            CheckUri(errors, pool.JwksUri, PoolKey(i, pool, "JwksUri"));
            if (pool.Issuer is not null && !issuers.Add(pool.Issuer.OriginalString.TrimEnd('/')))
            {
                errors.Add($"User pool '{pool.UserPoolId}' is listed more than once in {Key("UserPools")}; list all its app clients in one entry.");
            }

            if (pool.MaxAuthenticationAge is { } age && age <= TimeSpan.Zero)
            {
                errors.Add($"{PoolKey(i, pool, "MaxAuthenticationAge")} must be positive.");
            }
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Key("ClockSkew")} must be between 0 and 5 minutes (format 'hh:mm:ss').");
        }

        if (options.MaxTokenLength < 1024)
        {
            errors.Add($"{Key("MaxTokenLength")} must be at least 1024 characters.");
        }

        if (options.ValidatedTokenCacheBytes is < 0 or (> 0 and < 64 * 1024))
        {
            errors.Add($"{Key("ValidatedTokenCacheBytes")} must be 0 (off) or at least 65536 bytes.");
        }

        if (options.ValidatedTokenCacheMaxTokenLength < 0)
        {
            errors.Add($"{Key("ValidatedTokenCacheMaxTokenLength")} must be 0 or positive.");
        }

        foreach (var (setting, value) in new[]
        {
            ("JwksMinimumRefreshInterval", options.JwksMinimumRefreshInterval),
            ("JwksRefreshPeriod", options.JwksRefreshPeriod),
            ("JwksTimeout", options.JwksTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{Key(setting)} must be positive (format 'hh:mm:ss').");
            }
        }

        if (options.JwksMaxResponseBytes < 1024)
        {
            errors.Add($"{Key("JwksMaxResponseBytes")} must be at least 1024.");
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
