using Microsoft.IdentityModel.Tokens;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The root of every Cognito token validation failure. It derives from <see cref="SecurityTokenValidationException"/>
/// so ASP.NET Core's JwtBearer answers <c>401</c> with <c>error="invalid_token"</c> and this message as
/// <c>error_description</c>.
/// </summary>
/// <remarks>
/// Messages and <see cref="Expected"/>/<see cref="Actual"/> never contain the token; values taken from the token are
/// shortened and stripped of characters that are unsafe in an HTTP header. Throw it from
/// <see cref="CognitoUserPoolTokenOptions.AdditionalCheck"/> to reject a token with your own reason.
/// </remarks>
public class CognitoTokenValidationException : SecurityTokenValidationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CognitoTokenValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without the token.</param>
    public CognitoTokenValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoTokenValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the expected and actual values of the failed check.</summary>
    /// <param name="message">What failed, without the token.</param>
    /// <param name="expected">The value the check expected, or <see langword="null"/>.</param>
    /// <param name="actual">The value the token carried (sanitised and shortened), or <see langword="null"/>.</param>
    public CognitoTokenValidationException(string message, string? expected, string? actual)
        : base(message)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The value the failed check expected (for example <c>RS256</c> or the pool's issuer); may be <see langword="null"/>.</summary>
    public string? Expected { get; }

    /// <summary>The value the token carried for the failed check, sanitised and shortened; may be <see langword="null"/>.</summary>
    public string? Actual { get; }
}
