using System.Net;

namespace Exanubes.Cognito;

/// <summary>
/// Thrown by <see cref="CognitoResult.EnsureSuccess"/> and <see cref="CognitoResult{T}.EnsureSuccess"/> for callers
/// who prefer exceptions to results; carries the <see cref="CognitoError"/> Cognito returned.
/// </summary>
public sealed class CognitoException : Exception
{
    /// <summary>Creates an exception without an error (for serializers and tests).</summary>
    public CognitoException()
        : this("Amazon Cognito returned an error.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CognitoException(string message)
        : base(message)
    {
        Error = new CognitoError(CognitoErrorCode.Unknown, string.Empty, message, 0);
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CognitoException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new CognitoError(CognitoErrorCode.Unknown, string.Empty, message, 0);
    }

    /// <summary>Creates an exception for an error Cognito returned.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public CognitoException(CognitoError error)
        : base(FormatMessage(error))
    {
        Error = error;
    }

    /// <summary>The error Cognito returned.</summary>
    public CognitoError Error { get; }

    /// <summary>The typed error code, shorthand for <c>Error.Code</c>.</summary>
    public CognitoErrorCode Code => Error.Code;

    /// <summary>The HTTP status, shorthand for <c>Error.StatusCode</c>.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    private static string FormatMessage(CognitoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"Amazon Cognito returned {error.Type} (HTTP {(int)error.StatusCode}): {error.Message}";
    }
}
