namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a CreateAuthChallenge Lambda (custom authentication): override <c>HandleAsync(CreateAuthChallengeEvent, CancellationToken)</c> and set <c>evt.Response</c>.</summary>
public abstract class CreateAuthChallengeFunction : CognitoTriggerFunction<CreateAuthChallengeEvent>
{
    /// <summary>Creates the function.</summary>
    protected CreateAuthChallengeFunction()
        : base(AuthChallengeJsonContext.Default.CreateAuthChallengeEvent, CreateAuthChallengeEvent.TriggerSources)
    {
    }
}
