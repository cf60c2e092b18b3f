namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a post authentication Lambda: override <c>HandleAsync(PostAuthenticationEvent, CancellationToken)</c> (for example to audit sign-ins).</summary>
public abstract class PostAuthenticationFunction : CognitoTriggerFunction<PostAuthenticationEvent>
{
    /// <summary>Creates the function.</summary>
    protected PostAuthenticationFunction()
        : base(AuthenticationJsonContext.Default.PostAuthenticationEvent, PostAuthenticationEvent.TriggerSources)
    {
    }
}
