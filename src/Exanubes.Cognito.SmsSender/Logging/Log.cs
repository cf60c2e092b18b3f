using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.SmsSender;

/// <summary>The Custom SMS Sender's log messages (event ids 7000-7999). None carries a code, a temporary password, a phone number or a credential.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, EventName = "SmsEventHandled", Level = LogLevel.Information,
        Message = "Custom SMS Sender {TriggerSource} for pool {UserPoolId} client {ClientId}: {Outcome} in {DurationMs} ms [{Metrics}]")]
    public static partial void SmsEventHandled(ILogger logger, string triggerSource, string userPoolId, string clientId, string outcome, double durationMs, EmbeddedMetrics metrics);

    [LoggerMessage(EventId = 7001, EventName = "SmsEventFailed", Level = LogLevel.Error,
        Message = "Custom SMS Sender {TriggerSource} for pool {UserPoolId} client {ClientId}: {Outcome} in {DurationMs} ms ({ErrorType}: {Error}) [{Metrics}]")]
    public static partial void SmsEventFailed(ILogger logger, string triggerSource, string userPoolId, string clientId, string outcome, double durationMs, string errorType, string error, EmbeddedMetrics metrics);

    [LoggerMessage(EventId = 7002, EventName = "ServicesBuilt", Level = LogLevel.Debug,
        Message = "Custom SMS Sender services built in {DurationMs} ms with provider {Provider}")]
    public static partial void ServicesBuilt(ILogger logger, double durationMs, string provider);

    [LoggerMessage(EventId = 7003, EventName = "SmsNeedsSeveralSegments", Level = LogLevel.Warning,
        Message = "The {TriggerSource} SMS takes {Parts} segments ({Encoding}, {Units} units): carriers bill each segment and may deliver them apart; shorten the template or keep it GSM-7")]
    public static partial void SmsNeedsSeveralSegments(ILogger logger, string triggerSource, int parts, string encoding, int units);

    [LoggerMessage(EventId = 7004, EventName = "IdempotencyCompleteFailed", Level = LogLevel.Warning,
        Message = "The {TriggerSource} SMS was sent but marking it completed failed ({ErrorType}: {Error}); a re-delivery after the lease ends at {LeaseExpiresAt} may send it again")]
    public static partial void IdempotencyCompleteFailed(ILogger logger, string triggerSource, DateTimeOffset? leaseExpiresAt, string errorType, string error);

    [LoggerMessage(EventId = 7005, EventName = "IdempotencyReleaseFailed", Level = LogLevel.Warning,
        Message = "The {TriggerSource} SMS failed and releasing its lease failed too ({ErrorType}: {Error}); a retry can send once the lease ends at {LeaseExpiresAt}")]
    public static partial void IdempotencyReleaseFailed(ILogger logger, string triggerSource, DateTimeOffset? leaseExpiresAt, string errorType, string error);
}
