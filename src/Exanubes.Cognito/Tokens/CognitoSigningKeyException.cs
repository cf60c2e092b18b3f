namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the JWK named by the token's <c>kid</c> cannot verify an RS256 signature: its <c>kty</c> is not <c>RSA</c>, its <c>alg</c> is not <c>RS256</c>, its <c>use</c> is not <c>sig</c>, or it is shorter than 2048 bits.</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoSigningKeyException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoSigningKeyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoSigningKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoSigningKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoSigningKeyException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
