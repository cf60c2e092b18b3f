namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The instrument, tag and EMF member names both custom senders report (their public telemetry classes,
/// <c>CustomEmailSenderTelemetry</c> and <c>CustomSmsSenderTelemetry</c>, repeat these values as their documented
/// constants). Each sender reports them under its own source and meter name.
/// </summary>
internal static class SenderTelemetryNames
{
    public const string Events = "exanubes.cognito.sender.events";
    public const string DecryptDuration = "exanubes.cognito.sender.decrypt.duration";
    public const string SendDuration = "exanubes.cognito.sender.send.duration";
    public const string EventDuration = "exanubes.cognito.sender.event.duration";
    public const string TriggerSourceTag = "cognito.trigger_source";
    public const string OutcomeTag = "cognito.outcome";
    public const string EmfEvents = "Events";
    public const string EmfDuration = "DurationMs";
    public const string EmfDecrypt = "DecryptMs";
    public const string EmfSend = "SendMs";
}
