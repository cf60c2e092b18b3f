using Exanubes.Cognito.Lambda;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The names under which the Custom SMS Sender reports traces and metrics through <c>System.Diagnostics</c>: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <see cref="SourceName"/>, with the same instruments as the email sender, and the CloudWatch Embedded Metric Format
/// members of the one JSON line per event.
/// </summary>
/// <remarks>
/// In Lambda nothing listens to the meter unless you wire an exporter; the same figures reach CloudWatch anyway as EMF
/// in the event's log line (namespace <see cref="CustomSmsSenderOptions.MetricsNamespace"/>, dimensions
/// <c>TriggerSource</c> and <c>Outcome</c>; metrics <see cref="EmfEvents"/>, <see cref="EmfDuration"/>,
/// <see cref="EmfDecrypt"/>, <see cref="EmfSend"/>). Tags and EMF members hold the trigger source and the outcome only:
/// never the code, the phone number or a user attribute.
/// </remarks>
public static class CustomSmsSenderTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Exanubes.Cognito.SmsSender</c>.</summary>
    public const string SourceName = "Exanubes.Cognito.SmsSender";

    /// <summary>Counter: events handled. Tags <see cref="TriggerSourceTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string Events = SenderTelemetryNames.Events;

    /// <summary>Histogram, seconds: decrypting the code (KMS data-key call included). Tag <see cref="TriggerSourceTag"/>.</summary>
    public const string DecryptDuration = SenderTelemetryNames.DecryptDuration;

    /// <summary>Histogram, seconds: handing the SMS to the provider. Tags <see cref="TriggerSourceTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string SendDuration = SenderTelemetryNames.SendDuration;

    /// <summary>Histogram, seconds: the whole event, from parse to outcome. Tags <see cref="TriggerSourceTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string EventDuration = SenderTelemetryNames.EventDuration;

    /// <summary>The Cognito trigger source, for example <c>CustomSMSSender_SignUp</c> (<c>-</c> when the event could not be read).</summary>
    public const string TriggerSourceTag = SenderTelemetryNames.TriggerSourceTag;

    /// <summary>The outcome: <c>Sent</c>, <c>Duplicate</c>, <c>Rejected</c> (a bad event) or <c>Failed</c>.</summary>
    public const string OutcomeTag = SenderTelemetryNames.OutcomeTag;

    /// <summary>EMF metric (Count): 1 per event.</summary>
    public const string EmfEvents = SenderTelemetryNames.EmfEvents;

    /// <summary>EMF metric (Milliseconds): the whole event; the line's <c>DurationMs</c> member.</summary>
    public const string EmfDuration = SenderTelemetryNames.EmfDuration;

    /// <summary>EMF metric (Milliseconds): decrypting the code, present when a code was decrypted.</summary>
    public const string EmfDecrypt = SenderTelemetryNames.EmfDecrypt;

    /// <summary>EMF metric (Milliseconds): sending, present when the provider was called.</summary>
    public const string EmfSend = SenderTelemetryNames.EmfSend;

    /// <summary>The sender's source, meter and instruments, created once per process.</summary>
    internal static readonly SenderInstrumentation Instrumentation =
        new(SourceName, "CustomSmsSender", "Custom SMS Sender", typeof(CustomSmsSenderTelemetry).Assembly, "the SMS provider");
}
