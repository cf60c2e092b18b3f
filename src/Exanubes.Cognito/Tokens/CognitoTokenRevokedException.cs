namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when an <see cref="ICognitoTokenRevocationCheck"/> reported the token as revoked (for example after GlobalSignOut).</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoTokenRevokedException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenRevokedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenRevokedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenRevokedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenRevokedException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
