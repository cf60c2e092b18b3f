using System.Diagnostics;
using System.Diagnostics.Metrics;
using Exanubes.Cognito.Lambda;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The sender's one <see cref="ActivitySource"/> and <see cref="Meter"/>, created once, and the per-event measurements
/// that feed both the instruments and the EMF members of the event's log line.
/// </summary>
internal static class SenderInstrumentation
{
    private static readonly string? Version = typeof(SenderInstrumentation).Assembly.GetName().Version?.ToString(3);

    public static readonly ActivitySource Source = new(CustomEmailSenderTelemetry.SourceName, Version);

    public static readonly Meter Meter = new(CustomEmailSenderTelemetry.SourceName, Version);

    public static readonly Counter<long> Events = Meter.CreateCounter<long>(
        CustomEmailSenderTelemetry.Events, "{event}", "Custom Email Sender events, by trigger source and outcome.");

    public static readonly Histogram<double> DecryptDuration = Meter.CreateHistogram<double>(
        CustomEmailSenderTelemetry.DecryptDuration, "s", "Decrypting the event's code.");

    public static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>(
        CustomEmailSenderTelemetry.SendDuration, "s", "Handing the email to the mailer.");

    public static readonly Histogram<double> EventDuration = Meter.CreateHistogram<double>(
        CustomEmailSenderTelemetry.EventDuration, "s", "One Custom Email Sender event, from parse to outcome.");

    /// <summary>Starts the span of one event, or <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartEvent() =>
        Source.HasListeners() ? Source.StartActivity("CustomEmailSender", ActivityKind.Consumer) : null;

    /// <summary>Records a decrypt stage.</summary>
    public static void Decrypted(EventMeasurements measurements, string triggerSource, TimeSpan took)
    {
        measurements.DecryptMs = Math.Round(took.TotalMilliseconds, 2);
        if (DecryptDuration.Enabled)
        {
            DecryptDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(CustomEmailSenderTelemetry.TriggerSourceTag, triggerSource));
        }
    }

    /// <summary>Records a send stage.</summary>
    public static void Sent(EventMeasurements measurements, string triggerSource, bool succeeded, TimeSpan took)
    {
        measurements.SendMs = Math.Round(took.TotalMilliseconds, 2);
        if (SendDuration.Enabled)
        {
            SendDuration.Record(took.TotalSeconds, new TagList
            {
                { CustomEmailSenderTelemetry.TriggerSourceTag, triggerSource },
                { CustomEmailSenderTelemetry.OutcomeTag, succeeded ? "Sent" : "Failed" },
            });
        }
    }

    /// <summary>Records the outcome of an event on its span and instruments and returns the EMF members for its log line.</summary>
    public static EmbeddedMetrics Completed(Activity? activity, EventMeasurements measurements, string? metricsNamespace, string triggerSource, string outcome, double durationMs)
    {
        if (activity is not null)
        {
            activity.SetTag(CustomEmailSenderTelemetry.TriggerSourceTag, triggerSource);
            activity.SetTag(CustomEmailSenderTelemetry.OutcomeTag, outcome);
            if (outcome is "Failed" or "Rejected")
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        var tags = new TagList
        {
            { CustomEmailSenderTelemetry.TriggerSourceTag, triggerSource },
            { CustomEmailSenderTelemetry.OutcomeTag, outcome },
        };
        if (Events.Enabled)
        {
            Events.Add(1, tags);
        }

        if (EventDuration.Enabled)
        {
            EventDuration.Record(durationMs / 1000, tags);
        }

        var emf = new EmbeddedMetrics(metricsNamespace, "TriggerSource", "Outcome")
            .Add(CustomEmailSenderTelemetry.EmfEvents, 1, "Count")
            .Reference(CustomEmailSenderTelemetry.EmfDuration, "Milliseconds");
        if (measurements.DecryptMs is { } decrypt)
        {
            emf.Add(CustomEmailSenderTelemetry.EmfDecrypt, decrypt, "Milliseconds");
        }

        if (measurements.SendMs is { } send)
        {
            emf.Add(CustomEmailSenderTelemetry.EmfSend, send, "Milliseconds");
        }

        return emf;
    }

    /// <summary>What one event measured as it went.</summary>
    internal sealed class EventMeasurements
    {
        public double? DecryptMs { get; set; }

        public double? SendMs { get; set; }
    }
}
