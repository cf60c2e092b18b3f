namespace Exanubes.Cognito.Lambda;

/// <summary>The empty <c>response</c> of triggers whose result Cognito does not read (post confirmation, pre and post authentication).</summary>
public sealed class EmptyTriggerResponse;
