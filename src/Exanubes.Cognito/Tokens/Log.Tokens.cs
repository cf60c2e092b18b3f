using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito;

/// <summary>Log messages of token validation (event ids 3000-3999). Never a token, only the failed check and sanitised values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Loaded the JWKS of user pool {UserPoolId}: {KeyCount} usable signing keys, {UnusableCount} unusable")]
    public static partial void JwksFetched(ILogger logger, string userPoolId, int keyCount, int unusableCount);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Fetching the JWKS of user pool {UserPoolId} from {JwksUri} failed: {Reason}; keeping {KeyCount} signing keys")]
    public static partial void JwksFetchFailed(ILogger logger, string userPoolId, string jwksUri, string reason, int keyCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "No signing keys are loaded for user pool {UserPoolId} (JWKS {JwksUri}: {Reason}); rejecting tokens until the JWKS can be fetched")]
    public static partial void NoSigningKeys(ILogger logger, string userPoolId, string jwksUri, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Unknown signing key for user pool {UserPoolId}; not refetching the JWKS, the last fetch is less than {IntervalSeconds} s old")]
    public static partial void RefetchSuppressed(ILogger logger, string userPoolId, double intervalSeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Rejected a Cognito token: {Failure}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string failure, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "User pool {UserPoolId} has a new signing key {KeyId}")]
    public static partial void SigningKeyAdded(ILogger logger, string userPoolId, string keyId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "The periodic JWKS refresh stopped unexpectedly")]
    public static partial void RefreshLoopFailed(ILogger logger, Exception exception);
}
