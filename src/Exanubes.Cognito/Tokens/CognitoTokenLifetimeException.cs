namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token's time claims are unacceptable: <c>exp</c> missing, <c>iat</c> in the future, or <c>auth_time</c> older than <see cref="CognitoUserPoolTokenOptions.MaxAuthenticationAge"/>; the base of the expired and not-yet-valid failures.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public class CognitoTokenLifetimeException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenLifetimeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenLifetimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenLifetimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenLifetimeException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
