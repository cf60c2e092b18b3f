using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.DependencyInjection;

/// <summary>Checks <see cref="CognitoAuthOptions"/> at start-up; each message names the setting and the format it expects.</summary>
internal sealed partial class CognitoAuthOptionsValidator : IValidateOptions<CognitoAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, CognitoAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.UserPoolId))
        {
            failures.Add("Cognito:UserPoolId is required: the user pool id, '<region>_<id>' (for example 'eu-west-1_AbCdEf123').");
        }
        else if (!UserPoolIdPattern().IsMatch(options.UserPoolId))
        {
            failures.Add($"Cognito:UserPoolId '{options.UserPoolId}' is not a user pool id: expected '<region>_<id>' (for example 'eu-west-1_AbCdEf123').");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Cognito:ClientId is required: the app client id (1-128 letters, digits, '+', '=', ',', '.', '@' or '-').");
        }
        else if (!ClientIdPattern().IsMatch(options.ClientId))
        {
            failures.Add($"Cognito:ClientId '{options.ClientId}' is not an app client id: expected 1-128 letters, digits, '+', '=', ',', '.', '@' or '-'.");
        }

        if (options.ClientSecret is not null && options.ClientSecret.Trim().Length == 0)
        {
            failures.Add("Cognito:ClientSecret is empty: remove the setting when the app client has no secret, or set the app client's secret.");
        }

        if (options.Region is not null && !RegionPattern().IsMatch(options.Region))
        {
            failures.Add($"Cognito:Region '{options.Region}' is not an AWS region: expected for example 'eu-west-1'.");
        }

        if (options.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Cognito:ServiceUrl '{url}' must be an absolute http or https URL (for example 'http://127.0.0.1:9229/').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[\w-]+_[0-9a-zA-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPoolIdPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
