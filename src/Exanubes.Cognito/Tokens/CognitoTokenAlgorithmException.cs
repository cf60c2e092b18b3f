namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token's <c>alg</c> header is not on the allow-list (<c>RS256</c> only): <c>none</c>, HMAC and every other algorithm are rejected before any key is looked at.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoTokenAlgorithmException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenAlgorithmException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenAlgorithmException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenAlgorithmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenAlgorithmException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
