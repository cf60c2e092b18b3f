using System.Text.RegularExpressions;
using Exanubes.Cognito.UserPools;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.DependencyInjection;

/// <summary>Checks <see cref="CognitoAuthOptions"/> at start-up; each message names the setting and the format it expects.</summary>
internal sealed partial class CognitoAuthOptionsValidator : IValidateOptions<CognitoAuthOptions>
{
    private readonly CognitoAuthSettings[] _settings;

    public CognitoAuthOptionsValidator()
        : this([])
    {
    }

    public CognitoAuthOptionsValidator(IEnumerable<CognitoAuthSettings> settings) => _settings = [.. settings];

    public ValidateOptionsResult Validate(string? name, CognitoAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = CognitoAuthSettings.PrefixOf(_settings, name);
        var failures = new List<string>();
        if (CognitoUserPoolId.Check(options.UserPoolId, $"{prefix}:UserPoolId") is { } poolProblem)
        {
            failures.Add(poolProblem);
        }
        else if (options.ServiceUrl is null && CognitoUserPoolId.TryParse(options.UserPoolId, out var pool) && pool.IsLocal)
        {
            failures.Add($"{prefix}:ServiceUrl is required for the cognito-local user pool '{pool}': set it to the emulator's address (for example 'http://127.0.0.1:9229/').");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{prefix}:ClientId is required: the app client id (1-128 letters, digits, '+', '=', ',', '.', '@' or '-').");
        }
        else if (!ClientIdPattern().IsMatch(options.ClientId))
        {
            failures.Add($"{prefix}:ClientId '{options.ClientId}' is not an app client id: expected 1-128 letters, digits, '+', '=', ',', '.', '@' or '-'.");
        }

        if (options.ClientSecret is not null && options.ClientSecret.Trim().Length == 0)
        {
            failures.Add($"{prefix}:ClientSecret is empty: remove the setting when the app client has no secret, or set the app client's secret.");
        }

        if (options.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{prefix}:ServiceUrl '{url}' must be an absolute http or https URL (for example 'http://127.0.0.1:9229/').");
            }
            else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback && !options.AllowInsecureHttp)
            {
                failures.Add($"{prefix}:ServiceUrl '{url}' uses plain http on a host other than loopback; use https, or set {prefix}:AllowInsecureHttp to send passwords and tokens unencrypted.");
            }

            if (options.UseFipsEndpoint || options.UseDualStackEndpoint)
            {
                failures.Add($"{prefix}:UseFipsEndpoint and {prefix}:UseDualStackEndpoint choose a derived endpoint; they cannot be combined with {prefix}:ServiceUrl.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
