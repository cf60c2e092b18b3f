namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token was issued to an app client that is not allowed: <c>client_id</c> (access tokens) or <c>aud</c> (id tokens) is not in <see cref="CognitoUserPoolTokenOptions.ClientIds"/>.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoTokenClientException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenClientException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenClientException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
