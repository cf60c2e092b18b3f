using System.Text.RegularExpressions;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Lambda;

/// <summary>The start-up checks of the settings both custom senders share, with messages that name the setting and the expected format.</summary>
internal static partial class CustomSenderSettings
{
    /// <summary>Adds a message to <paramref name="failures"/> for every setting that is missing or malformed.</summary>
    /// <param name="section">The configuration section, for example <c>EmailSender</c>.</param>
    /// <param name="trigger">The trigger whose KMS key the ARN names, for example <c>CustomEmailSender</c>.</param>
    /// <param name="kmsKeyArn">The <c>KmsKeyArn</c> setting (required).</param>
    /// <param name="userPoolId">The <c>UserPoolId</c> setting (optional).</param>
    /// <param name="kmsServiceUrl">The <c>KmsServiceUrl</c> setting (optional).</param>
    /// <param name="appUrl">The <c>AppUrl</c> setting (optional).</param>
    /// <param name="failures">Receives one message per problem.</param>
    public static void Check(string section, string trigger, string? kmsKeyArn, string? userPoolId, Uri? kmsServiceUrl, Uri? appUrl, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(kmsKeyArn))
        {
            failures.Add($"{section}:KmsKeyArn (environment variable {section}__KmsKeyArn) is required: the ARN of the KMS key the user pool's custom sender encrypts codes with, arn:aws:kms:<region>:<account>:key/<key-id>.");
        }
        else if (kmsKeyArn.StartsWith("alias/", StringComparison.Ordinal) || AliasArn().IsMatch(kmsKeyArn))
        {
            failures.Add($"{section}:KmsKeyArn is a KMS alias ('{kmsKeyArn}'). Cognito records the key ARN in every encrypted code and the strict KMS keyring decrypts only data keys whose recorded ARN equals a configured key ARN, so an alias can never match (and could be re-pointed to another key). Set {section}__KmsKeyArn to the key ARN, arn:aws:kms:<region>:<account>:key/<key-id>, the key the user pool's {trigger} KMSKeyID names.");
        }
        else if (!KeyArn().IsMatch(kmsKeyArn))
        {
            failures.Add($"{section}:KmsKeyArn ('{kmsKeyArn}') is not a KMS key ARN; expected arn:aws:kms:<region>:<account>:key/<key-id> (a bare key id is not enough: the keyring matches the full ARN Cognito records).");
        }

        // Optional, but once set (even to an empty value) it must be a user pool id: the same check as AddCognitoAuth's.
        if (userPoolId is not null && CognitoUserPoolId.Check(userPoolId, $"{section}:UserPoolId") is { } poolProblem)
        {
            failures.Add(poolProblem);
        }

        if (kmsServiceUrl is { } kms && (!kms.IsAbsoluteUri || (kms.Scheme != Uri.UriSchemeHttps && kms.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{section}:KmsServiceUrl ('{kms}') must be an absolute http(s) URL, for example http://127.0.0.1:4566 for a local stack.");
        }

        if (appUrl is { } app && (!app.IsAbsoluteUri || (app.Scheme != Uri.UriSchemeHttps && app.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(app.Query)))
        {
            failures.Add($"{section}:AppUrl ('{app}') must be an absolute http(s) base URL without a query, for example https://app.example.com.");
        }
    }

    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:alias/", RegexOptions.CultureInvariant)]
    private static partial Regex AliasArn();

    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyArn();
}
