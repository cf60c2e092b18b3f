using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>Checks <see cref="CustomSmsSenderOptions"/> at start-up (the checks both senders share), naming the setting.</summary>
internal sealed class CustomSmsSenderOptionsValidator : IValidateOptions<CustomSmsSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomSmsSenderOptions options)
    {
        var failures = new List<string>();
        CustomSenderSettings.Check(CustomSmsSenderOptions.SectionName, "CustomSMSSender", options.KmsKeyArn, options.UserPoolId, options.KmsServiceUrl, options.AppUrl, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
