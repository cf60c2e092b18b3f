namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The Lambda Runtime API answered in a way the loop cannot go on from (an unexpected status or a missing request id),
/// or start-up failed and was reported as an init error. The process should exit so Lambda replaces it.
/// </summary>
public sealed class LambdaRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LambdaRuntimeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public LambdaRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LambdaRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
