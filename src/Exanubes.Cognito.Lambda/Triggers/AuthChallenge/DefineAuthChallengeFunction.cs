namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a DefineAuthChallenge Lambda (custom authentication): override <c>HandleAsync(DefineAuthChallengeEvent, CancellationToken)</c> and set <c>evt.Response</c>.</summary>
public abstract class DefineAuthChallengeFunction : CognitoTriggerFunction<DefineAuthChallengeEvent>
{
    /// <summary>Creates the function.</summary>
    protected DefineAuthChallengeFunction()
        : base(AuthChallengeJsonContext.Default.DefineAuthChallengeEvent, DefineAuthChallengeEvent.TriggerSources)
    {
    }
}
