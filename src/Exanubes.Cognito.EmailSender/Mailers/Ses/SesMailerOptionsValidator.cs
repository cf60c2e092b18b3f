using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Checks <see cref="SesMailerOptions"/> at start-up; each message names the setting.</summary>
internal sealed class SesMailerOptionsValidator : IValidateOptions<SesMailerOptions>
{
    public ValidateOptionsResult Validate(string? name, SesMailerOptions options)
    {
        var failures = new List<string>();
        if (options.Region is { } region && !RegionPattern().IsMatch(region))
        {
            failures.Add($"Ses:Region ('{region}') must be an AWS Region such as eu-west-1.");
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            failures.Add($"Ses:ServiceUrl ('{url}') must be an absolute https URL (plain http only on a loopback address, for tests): the signed request carries the email and its code.");
        }

        if (options.ConfigurationSetName is { } set && (set.Length > 64 || !TagPattern().IsMatch(set)))
        {
            failures.Add($"Ses:ConfigurationSetName ('{set}') must be letters, digits, '_' and '-', at most 64 characters.");
        }

        foreach (var (tag, value) in options.Tags)
        {
            if (!TagPattern().IsMatch(tag) || value is null || !TagPattern().IsMatch(value))
            {
                failures.Add($"Ses:Tags:{tag}: SES message tag names and values must be letters, digits, '_' and '-', 1 to 256 characters.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static readonly Regex Region = new("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("^[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant);

    private static Regex RegionPattern() => Region;

    private static Regex TagPattern() => Tag;
}
