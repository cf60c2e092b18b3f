using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.EmailSender;

/// <summary>The Custom Email Sender's log messages (event ids 6000-6999). None carries a code, password or API key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, EventName = "EmailEventHandled", Level = LogLevel.Information,
        Message = "Custom Email Sender {TriggerSource} for pool {UserPoolId} client {ClientId}: {Outcome} in {DurationMs} ms [{Metrics}]")]
    public static partial void EmailEventHandled(ILogger logger, string triggerSource, string userPoolId, string clientId, string outcome, double durationMs, EmbeddedMetrics metrics);

    [LoggerMessage(EventId = 6001, EventName = "EmailEventFailed", Level = LogLevel.Error,
        Message = "Custom Email Sender {TriggerSource} for pool {UserPoolId} client {ClientId}: {Outcome} in {DurationMs} ms ({ErrorType}: {Error}) [{Metrics}]")]
    public static partial void EmailEventFailed(ILogger logger, string triggerSource, string userPoolId, string clientId, string outcome, double durationMs, string errorType, string error, EmbeddedMetrics metrics);

    [LoggerMessage(EventId = 6002, EventName = "ServicesBuilt", Level = LogLevel.Debug,
        Message = "Custom Email Sender services built in {DurationMs} ms with mailer {Mailer}")]
    public static partial void ServicesBuilt(ILogger logger, double durationMs, string mailer);

    [LoggerMessage(EventId = 6003, EventName = "SendGridApiKeyLoaded", Level = LogLevel.Debug,
        Message = "SendGrid API key read from SSM parameter {ParameterName}")]
    public static partial void SendGridApiKeyLoaded(ILogger logger, string parameterName);

    [LoggerMessage(EventId = 6004, EventName = "DevelopmentMailerWrote", Level = LogLevel.Debug,
        Message = "Development mailer wrote the {TriggerSource} email to {Path}")]
    public static partial void DevelopmentMailerWrote(ILogger logger, string triggerSource, string path);

    [LoggerMessage(EventId = 6005, EventName = "IdempotencyCompleteFailed", Level = LogLevel.Warning,
        Message = "The {TriggerSource} email was sent but marking it completed failed ({ErrorType}: {Error}); a re-delivery after the lease ends at {LeaseExpiresAt} may send it again")]
    public static partial void IdempotencyCompleteFailed(ILogger logger, string triggerSource, DateTimeOffset? leaseExpiresAt, string errorType, string error);

    [LoggerMessage(EventId = 6006, EventName = "IdempotencyReleaseFailed", Level = LogLevel.Warning,
        Message = "The {TriggerSource} email failed and releasing its lease failed too ({ErrorType}: {Error}); a retry can send once the lease ends at {LeaseExpiresAt}")]
    public static partial void IdempotencyReleaseFailed(ILogger logger, string triggerSource, DateTimeOffset? leaseExpiresAt, string errorType, string error);
}
