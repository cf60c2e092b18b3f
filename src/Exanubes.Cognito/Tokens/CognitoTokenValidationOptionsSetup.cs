using Exanubes.Cognito.UserPools;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Fills the derived values once: the pool of <see cref="CognitoAuthOptions"/> when none is listed, each pool's issuer
/// and JWKS address from its parsed id (<see cref="CognitoUserPoolId"/>). Then validates everything with messages that
/// name the setting and the expected format; an invalid pool id fails with the parser's message, never silently.
/// </summary>
internal sealed class CognitoTokenValidationOptionsSetup :
    IPostConfigureOptions<CognitoTokenValidationOptions>, IValidateOptions<CognitoTokenValidationOptions>
{
    /// <summary>Builds <see cref="CognitoAuthOptions"/> without validating them: their pool id is checked here too.</summary>
    private readonly OptionsFactory<CognitoAuthOptions> _auth;

    /// <summary>Where each keyed pool's settings come from, so its messages name them.</summary>
    private readonly DependencyInjection.CognitoAuthSettings[] _authSettings;

    /// <summary>
    /// The configuration key prefix of the bound section (<c>Cognito:TokenValidation:</c>), so messages name keys;
    /// <see langword="null"/> when the options come from code (or from several sections), so messages name properties.
    /// </summary>
    private readonly string? _keyPrefix;

    public CognitoTokenValidationOptionsSetup(
        IEnumerable<IConfigureOptions<CognitoAuthOptions>> authSetups,
        IEnumerable<IPostConfigureOptions<CognitoAuthOptions>> authPostConfigures,
        IEnumerable<CognitoTokenValidationConfigurationSection> sections,
        IEnumerable<DependencyInjection.CognitoAuthSettings> authSettings)
    {
        _authSettings = [.. authSettings];
        _auth = new OptionsFactory<CognitoAuthOptions>(authSetups, authPostConfigures);
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
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.UserPools.Count == 0 ? _auth.Create(name ?? Options.DefaultName) : null;
        if (auth is not null && CognitoUserPoolId.TryParse(auth.UserPoolId, out var authPool))
        {
            var pool = new CognitoUserPoolTokenOptions
            {
                UserPoolId = authPool.Value,
                // The issuer follows ServiceUrl only for an emulator (cognito-local ids, loopback hosts): a FIPS, VPC or
                // proxy endpoint serves the real pool, whose tokens keep the real issuers.
                Issuer = auth.Issuer ?? (auth.ServiceUrl is { IsAbsoluteUri: true } service && (authPool.IsLocal || service.IsLoopback)
                    ? new Uri(service.OriginalString.TrimEnd('/') + "/" + authPool.Value)
                    : null),
                AllowInsecureHttp = auth.AllowInsecureHttp,
            };
            if (!string.IsNullOrWhiteSpace(auth.ClientId))
            {
                pool.ClientIds.Add(auth.ClientId);
            }

            options.UserPools.Add(pool);
        }

        foreach (var pool in options.UserPools)
        {
            // Without an exact issuer the pool accepts both forms, each with its own JWKS (CognitoUserPool.Issuers).
            if (pool.Jwks is null && pool.JwksFile is null)
            {
                pool.JwksUri ??= pool.Issuer is not { IsAbsoluteUri: true } issuer ? null : CognitoUserPoolId.JwksUriOf(issuer);
            }
        }
    }

    public ValidateOptionsResult Validate(string? name, CognitoTokenValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.UserPools.Count == 0)
        {
            // The pool comes from CognitoAuthOptions: its id fails here with the same message as there, never silently.
            var auth = _auth.Create(name ?? Options.DefaultName);
            var authKey = DependencyInjection.CognitoAuthSettings.PrefixOf(_authSettings, name) + ":UserPoolId";
            errors.Add(CognitoUserPoolId.Check(auth.UserPoolId, authKey)
                ?? $"No user pool to accept tokens from: set {authKey} or add an entry to CognitoTokenValidationOptions.UserPools.");
            if (string.IsNullOrWhiteSpace(auth.UserPoolId))
            {
                errors.Add($"Token validation needs a user pool: set {authKey} (AddCognitoAuth) or add an entry to CognitoTokenValidationOptions.UserPools.");
            }
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.UserPools.Count; i++)
        {
            var pool = options.UserPools[i];
            var key = _keyPrefix is null ? "CognitoUserPoolTokenOptions.UserPoolId" : $"{_keyPrefix}UserPools:{i}:UserPoolId";
            if (CognitoUserPoolId.Check(pool.UserPoolId, key) is { } problem)
            {
                errors.Add(problem);
                continue;
            }

            if (!pool.AllowAnyClient && (pool.ClientIds.Count == 0 || pool.ClientIds.Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"{PoolKey(i, pool, "ClientIds")} must list the accepted app client ids (Cognito:ClientId); set AllowAnyClient to accept every app client.");
            }

            CheckPool(errors, i, pool, CognitoUserPoolId.Parse(pool.UserPoolId, key));
            if (!issuers.Add(pool.Issuer?.OriginalString.TrimEnd('/') ?? pool.UserPoolId))
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

    /// <summary>The issuer and key settings of one pool: addresses, issuer form, replica regions and a pre-seeded JWKS.</summary>
    private void CheckPool(List<string> errors, int i, CognitoUserPoolTokenOptions pool, CognitoUserPoolId id)
    {
        CheckUri(errors, pool.Issuer, PoolKey(i, pool, "Issuer"), pool.AllowInsecureHttp);
        CheckUri(errors, pool.JwksUri, PoolKey(i, pool, "JwksUri"), pool.AllowInsecureHttp);
        if (id.IsLocal && pool.Issuer is null)
        {
            errors.Add($"{PoolKey(i, pool, "Issuer")} is required for the cognito-local user pool '{id}': set it to the emulator's issuer (for example 'http://127.0.0.1:9229/{id}').");
        }

        if (pool.Issuer is not null && (pool.IssuerForm is not null || pool.ReplicaRegions.Count > 0))
        {
            errors.Add($"{PoolKey(i, pool, "Issuer")} accepts exactly one issuer; it cannot be combined with IssuerForm or ReplicaRegions.");
        }

        foreach (var region in pool.ReplicaRegions)
        {
            if (!CognitoUserPoolId.TryParse($"{region}_{id.PoolName}", out var replica) || replica.IsLocal || replica.Partition != id.Partition)
            {
                errors.Add($"{PoolKey(i, pool, "ReplicaRegions")} '{region}' is not a region of the {id.Partition ?? "pool's"} partition (for example 'eu-central-1').");
            }
        }

        if (pool.Jwks is not null && pool.JwksFile is not null)
        {
            errors.Add($"{PoolKey(i, pool, "Jwks")} and JwksFile both pre-seed the JWKS; set one.");
            return;
        }

        try
        {
            if (CognitoUserPool.SeedOf(pool) is { } seed && JwksParser.Parse(seed, new Dictionary<string, CognitoSigningKey>()).Values.All(k => k.Rsa is null))
            {
                errors.Add($"{PoolKey(i, pool, pool.Jwks is null ? "JwksFile" : "Jwks")} holds no usable RS256 signing key.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            errors.Add($"{PoolKey(i, pool, pool.Jwks is null ? "JwksFile" : "Jwks")} is not a readable JWKS document (JSON with a 'keys' array): {ex.Message}");
        }
    }

    private static void CheckUri(List<string> errors, Uri? uri, string setting, bool allowInsecureHttp)
    {
        if (uri is null)
        {
            return;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{setting} must be an absolute https URL (http only for loopback emulators), e.g. 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123'.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp)
        {
            errors.Add($"{setting} '{uri}' uses plain http on a host other than loopback; use https, or set AllowInsecureHttp to accept keys anyone on the path could replace.");
        }
    }
}
