namespace Exanubes.Cognito.Lambda;

/// <summary>Base class of a post confirmation Lambda: override <c>HandleAsync(PostConfirmationEvent, CancellationToken)</c> (for example to add the user to a group or a database).</summary>
public abstract class PostConfirmationFunction : CognitoTriggerFunction<PostConfirmationEvent>
{
    /// <summary>Creates the function.</summary>
    protected PostConfirmationFunction()
        : base(PostConfirmationJsonContext.Default.PostConfirmationEvent, PostConfirmationEvent.TriggerSources)
    {
    }
}
