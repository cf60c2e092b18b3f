namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token is not a well-formed Cognito JWT: not three base64url parts, header or payload not a JSON object, a claim of the wrong JSON type, a critical header, or longer than <see cref="CognitoTokenValidationOptions.MaxTokenLength"/>.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoTokenMalformedException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenMalformedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenMalformedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenMalformedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenMalformedException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
