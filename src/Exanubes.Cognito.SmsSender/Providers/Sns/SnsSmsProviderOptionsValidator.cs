using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>Checks <see cref="SnsSmsProviderOptions"/> at start-up, naming the setting.</summary>
internal sealed partial class SnsSmsProviderOptionsValidator : IValidateOptions<SnsSmsProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, SnsSmsProviderOptions options)
    {
        var failures = new List<string>();
        if (options.Region is { } region && !Region().IsMatch(region))
        {
            failures.Add($"Sns:Region ('{region}') is not an AWS Region name; expected for example eu-west-1.");
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            failures.Add($"Sns:ServiceUrl ('{url}') must be an absolute https URL (plain http only on loopback, for a local stand-in).");
        }

        if (options.SmsType is not ("Transactional" or "Promotional"))
        {
            failures.Add($"Sns:SmsType ('{options.SmsType}') must be Transactional or Promotional.");
        }

        if (options.SenderId is { } sender && !SenderId().IsMatch(sender))
        {
            failures.Add($"Sns:SenderId ('{sender}') must be 1-11 letters and digits with at least one letter.");
        }

        if (options.OriginationNumber is { } number && !E164().IsMatch(number))
        {
            failures.Add($"Sns:OriginationNumber ('{number}') must be an E.164 number, for example +15555550100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();

    [GeneratedRegex("^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$", RegexOptions.CultureInvariant)]
    private static partial Regex SenderId();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    internal static partial Regex E164();
}
