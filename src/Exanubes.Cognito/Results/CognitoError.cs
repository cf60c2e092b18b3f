using System.Net;

namespace Exanubes.Cognito;

/// <summary>
/// An error Amazon Cognito returned for a user-pool action: the typed <see cref="Code"/>, Cognito's raw error
/// <see cref="Type"/>, its message and the HTTP status.
/// </summary>
/// <remarks>
/// The message is Cognito's own text; it never contains the password, code or token that was sent.
/// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html"/>.
/// </remarks>
public sealed class CognitoError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The typed code; <see cref="CognitoErrorCode.Unknown"/> for types this library does not know.</param>
    /// <param name="type">Cognito's error type without namespace, for example <c>CodeMismatchException</c>.</param>
    /// <param name="message">Cognito's message; empty when it sent none.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="message"/> is null.</exception>
    public CognitoError(CognitoErrorCode code, string type, string message, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Type = type;
        Message = message;
        StatusCode = statusCode;
    }

    /// <summary>The typed error code.</summary>
    public CognitoErrorCode Code { get; }

    /// <summary>Cognito's error type without namespace prefix (for example <c>CodeMismatchException</c>); kept as sent, also for unknown codes.</summary>
    public string Type { get; }

    /// <summary>Cognito's human-readable message; empty when it sent none.</summary>
    public string Message { get; }

    /// <summary>The HTTP status Cognito answered with (400 for most expected outcomes).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Whether Cognito throttled the call (<see cref="CognitoErrorCode.TooManyRequests"/>,
    /// <see cref="CognitoErrorCode.Throttling"/> or HTTP 429). Actions safe to retry were already retried with backoff
    /// (<see cref="CognitoAuthOptions.MaxRetryAttempts"/>) before this result; back off before calling again.
    /// </summary>
    public bool IsThrottled =>
        Code is CognitoErrorCode.TooManyRequests or CognitoErrorCode.Throttling || StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>
    /// For <see cref="CognitoErrorCode.FeatureUnavailableInTier"/>: the feature plan the feature needs; otherwise, or
    /// when the library does not know the feature, <see langword="null"/>.
    /// </summary>
    public CognitoFeatureTier? RequiredTier { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({(int)StatusCode}): {Message}";
}
