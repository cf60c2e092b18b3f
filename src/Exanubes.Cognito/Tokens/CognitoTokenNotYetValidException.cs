namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token's <c>nbf</c> lies in the future by more than <see cref="CognitoTokenValidationOptions.ClockSkew"/>.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoTokenNotYetValidException : CognitoTokenLifetimeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenNotYetValidException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenNotYetValidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenNotYetValidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenNotYetValidException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
