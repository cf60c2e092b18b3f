namespace Exanubes.Cognito.Lambda;

/// <summary>
/// A trigger event that cannot be handled: malformed JSON, a missing or mistyped field, or a trigger source the trigger
/// does not document. <see cref="Field"/> names the field (for example <c>request.userAttributes</c>). It escapes the
/// function, so Lambda records a failed invocation and Cognito fails the user's request instead of acting on a guess.
/// </summary>
public sealed class CognitoTriggerEventException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public CognitoTriggerEventException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>Creates the exception for <paramref name="field"/> with its cause.</summary>
    public CognitoTriggerEventException(string field, string message, Exception innerException)
        : base($"{field}: {message}", innerException)
    {
        Field = field;
    }

    /// <summary>The event field at fault, as a dotted path (<c>triggerSource</c>, <c>request.session[0].challengeName</c>, or <c>$</c> for the whole event).</summary>
    public string Field { get; }
}
