namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Base class of a pre token generation Lambda (event versions 1, 2 and 3): override
/// <c>HandleAsync(PreTokenGenerationEvent, CancellationToken)</c> and change the tokens through <c>evt.Tokens</c>.
/// </summary>
public abstract class PreTokenGenerationFunction : CognitoTriggerFunction<PreTokenGenerationEvent>
{
    /// <summary>Creates the function.</summary>
    protected PreTokenGenerationFunction()
        : base(PreTokenGenerationJsonContext.Default.PreTokenGenerationEvent, PreTokenGenerationEvent.TriggerSources)
    {
    }
}
