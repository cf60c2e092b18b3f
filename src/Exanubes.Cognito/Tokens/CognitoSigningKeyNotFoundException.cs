namespace Exanubes.Cognito.Tokens;

/// <summary>Thrown when the token's <c>kid</c> is missing or not in the user pool's JWKS (after at most one rate-limited refetch), or no signing keys could be loaded at all (the validator fails closed).</summary>
/// <remarks>The message names the check, the expected and the actual value; it never contains the token.</remarks>
public sealed class CognitoSigningKeyNotFoundException : CognitoTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoSigningKeyNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoSigningKeyNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoSigningKeyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoSigningKeyNotFoundException(string message, string? expected, string? actual)
        : base(message, expected, actual)
    {
    }
}
