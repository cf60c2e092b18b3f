namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a VerifyAuthChallengeResponse Lambda (custom authentication): override <c>HandleAsync(VerifyAuthChallengeResponseEvent, CancellationToken)</c> and set <c>evt.Response</c>.</summary>
public abstract class VerifyAuthChallengeResponseFunction : CognitoTriggerFunction<VerifyAuthChallengeResponseEvent>
{
    /// <summary>Creates the function.</summary>
    protected VerifyAuthChallengeResponseFunction()
        : base(AuthChallengeJsonContext.Default.VerifyAuthChallengeResponseEvent, VerifyAuthChallengeResponseEvent.TriggerSources)
    {
    }
}
