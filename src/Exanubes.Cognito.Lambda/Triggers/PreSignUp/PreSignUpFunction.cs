namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Base class of a pre sign-up Lambda: override <c>HandleAsync(PreSignUpEvent, CancellationToken)</c>, set
/// <c>evt.Response.AutoConfirmUser</c> and the auto-verify flags, or throw to refuse the sign-up.
/// </summary>
public abstract class PreSignUpFunction : CognitoTriggerFunction<PreSignUpEvent>
{
    /// <summary>Creates the function.</summary>
    protected PreSignUpFunction()
        : base(PreSignUpJsonContext.Default.PreSignUpEvent, PreSignUpEvent.TriggerSources)
    {
    }
}
