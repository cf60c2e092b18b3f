namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a pre authentication Lambda: override <c>HandleAsync(PreAuthenticationEvent, CancellationToken)</c>; throw to deny the sign-in.</summary>
public abstract class PreAuthenticationFunction : CognitoTriggerFunction<PreAuthenticationEvent>
{
    /// <summary>Creates the function.</summary>
    protected PreAuthenticationFunction()
        : base(AuthenticationJsonContext.Default.PreAuthenticationEvent, PreAuthenticationEvent.TriggerSources)
    {
    }
}
