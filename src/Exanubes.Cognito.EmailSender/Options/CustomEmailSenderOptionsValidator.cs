using System.Text.RegularExpressions;
using Exanubes.Cognito.UserPools;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Checks <see cref="CustomEmailSenderOptions"/> at start-up with messages that name the setting and the expected format.</summary>
internal sealed partial class CustomEmailSenderOptionsValidator : IValidateOptions<CustomEmailSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomEmailSenderOptions options)
    {
        var failures = new List<string>();
        var arn = options.KmsKeyArn;
        if (string.IsNullOrWhiteSpace(arn))
        {
            failures.Add("EmailSender:KmsKeyArn (environment variable EmailSender__KmsKeyArn) is required: the ARN of the KMS key the user pool's custom sender encrypts codes with, arn:aws:kms:<region>:<account>:key/<key-id>.");
        }
        else if (arn.StartsWith("alias/", StringComparison.Ordinal) || AliasArn().IsMatch(arn))
        {
            failures.Add($"EmailSender:KmsKeyArn is a KMS alias ('{arn}'). Cognito records the key ARN in every encrypted code and the strict KMS keyring decrypts only data keys whose recorded ARN equals a configured key ARN, so an alias can never match (and could be re-pointed to another key). Set EmailSender__KmsKeyArn to the key ARN, arn:aws:kms:<region>:<account>:key/<key-id>, the key the user pool's CustomEmailSender KMSKeyID names.");
        }
        else if (!KeyArn().IsMatch(arn))
        {
            failures.Add($"EmailSender:KmsKeyArn ('{arn}') is not a KMS key ARN; expected arn:aws:kms:<region>:<account>:key/<key-id> (a bare key id is not enough: the keyring matches the full ARN Cognito records).");
        }

        // Optional, but once set (even to an empty value) it must be a user pool id: the same check as AddCognitoAuth's.
        if (options.UserPoolId is not null && CognitoUserPoolId.Check(options.UserPoolId, "EmailSender:UserPoolId") is { } poolProblem)
        {
            failures.Add(poolProblem);
        }

        if (options.KmsServiceUrl is { } kms && (!kms.IsAbsoluteUri || (kms.Scheme != Uri.UriSchemeHttps && kms.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"EmailSender:KmsServiceUrl ('{kms}') must be an absolute http(s) URL, for example http://127.0.0.1:4566 for a local stack.");
        }

        if (options.AppUrl is { } app && (!app.IsAbsoluteUri || (app.Scheme != Uri.UriSchemeHttps && app.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(app.Query)))
        {
            failures.Add($"EmailSender:AppUrl ('{app}') must be an absolute http(s) base URL without a query, for example https://app.example.com.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:alias/", RegexOptions.CultureInvariant)]
    private static partial Regex AliasArn();

    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyArn();
}
