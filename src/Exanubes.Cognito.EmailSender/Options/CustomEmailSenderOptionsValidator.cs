using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Checks <see cref="CustomEmailSenderOptions"/> at start-up with messages that name the setting and the expected format (the checks both senders share).</summary>
internal sealed class CustomEmailSenderOptionsValidator : IValidateOptions<CustomEmailSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomEmailSenderOptions options)
    {
        var failures = new List<string>();
        CustomSenderSettings.Check(CustomEmailSenderOptions.SectionName, "CustomEmailSender", options.KmsKeyArn, options.UserPoolId, options.KmsServiceUrl, options.AppUrl, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
