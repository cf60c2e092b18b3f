namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Base class of a custom message Lambda: override <c>HandleAsync(CustomMessageEvent, CancellationToken)</c> and set
/// <c>evt.Response.EmailSubject</c>, <c>EmailMessage</c> and <c>SmsMessage</c>, each keeping
/// <c>evt.Request.CodeParameter</c> literally.
/// </summary>
public abstract class CustomMessageFunction : CognitoTriggerFunction<CustomMessageEvent>
{
    /// <summary>Creates the function.</summary>
    protected CustomMessageFunction()
        : base(CustomMessageJsonContext.Default.CustomMessageEvent, CustomMessageEvent.TriggerSources)
    {
    }
}
