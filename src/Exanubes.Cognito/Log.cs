using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito;

/// <summary>
/// Log messages of Exanubes.Cognito. Event ids: 1000-1999 wire client, 2000-2999 auth and admin services, 3000-3999
/// token validation (Tokens/Log.Tokens.cs). Never a password, code, token, session or secret in any message; user
/// names are not logged either.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Calling Cognito {Action} at {Endpoint}")]
    public static partial void CallingAction(ILogger logger, string action, Uri endpoint);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Cognito {Action} succeeded with HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void ActionSucceeded(ILogger logger, string action, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Cognito {Action} returned {ErrorType} (HTTP {StatusCode}) in {ElapsedMilliseconds} ms")]
    public static partial void ActionFailed(ILogger logger, string action, string errorType, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Retrying Cognito {Action} (attempt {Attempt}) after {Reason} in {DelayMilliseconds} ms")]
    public static partial void RetryingAction(ILogger logger, string action, int attempt, string reason, double delayMilliseconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Cognito {Action} answered HTTP {StatusCode} with a body that is not the expected JSON")]
    public static partial void UnreadableResponse(ILogger logger, string action, int statusCode, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Cognito {Action} answered HTTP {StatusCode} with a body longer than {MaxBytes} bytes; not read further")]
    public static partial void ResponseTooLarge(ILogger logger, string action, int statusCode, int maxBytes);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Signing Cognito {Action} with AWS Signature V4 for region {Region}")]
    public static partial void SigningAction(ILogger logger, string action, string region);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Sign-in with {AuthFlow} needs the next step {ChallengeName}")]
    public static partial void SignInChallenge(ILogger logger, string authFlow, string challengeName);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Sign-in with {AuthFlow} completed")]
    public static partial void SignInCompleted(ILogger logger, string authFlow);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Answering SRP challenge PASSWORD_VERIFIER")]
    public static partial void AnsweringPasswordVerifier(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Refreshing tokens with {Action}")]
    public static partial void Refreshing(ILogger logger, string action);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Cognito answered {Action} with neither tokens nor a challenge")]
    public static partial void NoTokensNoChallenge(ILogger logger, string action);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "TOTP setup: calling {Action} to answer {ChallengeName}")]
    public static partial void TotpSetup(ILogger logger, string action, string challengeName);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Cognito did not verify the software token: status {Status}")]
    public static partial void SoftwareTokenNotVerified(ILogger logger, string status);
}
