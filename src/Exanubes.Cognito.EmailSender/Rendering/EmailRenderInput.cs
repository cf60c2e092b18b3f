namespace Exanubes.Cognito.EmailSender;

/// <summary>What a rendered email is made from: the Custom Email Sender event, or a Custom message trigger's event.</summary>
internal sealed record EmailRenderInput(
    CustomEmailSenderTriggerSource TriggerSource,
    string? UserName,
    string? UserPoolId,
    string? Region,
    string? ClientId,
    IReadOnlyDictionary<string, string>? UserAttributes,
    IReadOnlyDictionary<string, string>? ClientMetadata)
{
    public static EmailRenderInput From(CustomEmailSenderEvent evt) => new(
        evt.TriggerSource, evt.UserName, evt.UserPoolId, evt.Region, evt.CallerContext?.ClientId, evt.Request?.UserAttributes, evt.Request?.ClientMetadata);
}
