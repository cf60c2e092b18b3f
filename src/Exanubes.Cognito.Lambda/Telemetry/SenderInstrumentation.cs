using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// One custom sender's <see cref="ActivitySource"/> and <see cref="Meter"/> (named after its package, created once per
/// process by the sender's public telemetry class), and the per-event measurements that feed both the instruments and
/// the EMF members of the event's log line. The email and SMS senders report the same instruments
/// (<see cref="SenderTelemetryNames"/>) under their own source names; tags hold the trigger source and the outcome only.
/// </summary>
internal sealed class SenderInstrumentation
{
    private readonly string _spanName;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _decryptDuration;
    private readonly Histogram<double> _sendDuration;
    private readonly Histogram<double> _eventDuration;

    /// <param name="sourceName">The source and meter name, for example <c>Exanubes.Cognito.EmailSender</c>.</param>
    /// <param name="spanName">The span of one event, for example <c>CustomEmailSender</c>.</param>
    /// <param name="what">The sender in instrument descriptions, for example <c>Custom Email Sender</c>.</param>
    /// <param name="package">The sender's assembly, whose version the source and meter carry.</param>
    /// <param name="delivery">What the send stage hands the message to, for example <c>the mailer</c>.</param>
    public SenderInstrumentation(string sourceName, string spanName, string what, Assembly package, string delivery)
    {
        var version = package.GetName().Version?.ToString(3);
        _spanName = spanName;
        Source = new ActivitySource(sourceName, version);
        Meter = new Meter(sourceName, version);
        _events = Meter.CreateCounter<long>(SenderTelemetryNames.Events, "{event}", what + " events, by trigger source and outcome.");
        _decryptDuration = Meter.CreateHistogram<double>(SenderTelemetryNames.DecryptDuration, "s", "Decrypting the event's code.");
        _sendDuration = Meter.CreateHistogram<double>(SenderTelemetryNames.SendDuration, "s", "Handing the message to " + delivery + ".");
        _eventDuration = Meter.CreateHistogram<double>(SenderTelemetryNames.EventDuration, "s", "One " + what + " event, from parse to outcome.");
    }

    public ActivitySource Source { get; }

    public Meter Meter { get; }

    /// <summary>Starts the span of one event, or <see langword="null"/> when nobody listens.</summary>
    public Activity? StartEvent() =>
        Source.HasListeners() ? Source.StartActivity(_spanName, ActivityKind.Consumer) : null;

    /// <summary>Records a decrypt stage.</summary>
    public void Decrypted(EventMeasurements measurements, string triggerSource, TimeSpan took)
    {
        measurements.DecryptMs = Math.Round(took.TotalMilliseconds, 2);
        if (_decryptDuration.Enabled)
        {
            _decryptDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(SenderTelemetryNames.TriggerSourceTag, triggerSource));
        }
    }

    /// <summary>Runs the send stage, timing it and recording whether it succeeded.</summary>
    public async Task TimeSendAsync(EventMeasurements measurements, string triggerSource, TimeProvider time, Func<Task> send)
    {
        var started = time.GetTimestamp();
        var delivered = false;
        try
        {
            await send().ConfigureAwait(false);
            delivered = true;
        }
        finally
        {
            Sent(measurements, triggerSource, delivered, time.GetElapsedTime(started));
        }
    }

    /// <summary>Records a send stage.</summary>
    private void Sent(EventMeasurements measurements, string triggerSource, bool succeeded, TimeSpan took)
    {
        measurements.SendMs = Math.Round(took.TotalMilliseconds, 2);
        if (_sendDuration.Enabled)
        {
            _sendDuration.Record(took.TotalSeconds, new TagList
            {
                { SenderTelemetryNames.TriggerSourceTag, triggerSource },
                { SenderTelemetryNames.OutcomeTag, succeeded ? "Sent" : "Failed" },
            });
        }
    }

    /// <summary>Records the outcome of an event on its span and instruments and returns the EMF members for its log line.</summary>
    public EmbeddedMetrics Completed(Activity? activity, EventMeasurements measurements, string? metricsNamespace, string triggerSource, string outcome, double durationMs)
    {
        if (activity is not null)
        {
            activity.SetTag(SenderTelemetryNames.TriggerSourceTag, triggerSource);
            activity.SetTag(SenderTelemetryNames.OutcomeTag, outcome);
            if (outcome is "Failed" or "Rejected")
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        var tags = new TagList
        {
            { SenderTelemetryNames.TriggerSourceTag, triggerSource },
            { SenderTelemetryNames.OutcomeTag, outcome },
        };
        if (_events.Enabled)
        {
            _events.Add(1, tags);
        }

        if (_eventDuration.Enabled)
        {
            _eventDuration.Record(durationMs / 1000, tags);
        }

        var emf = new EmbeddedMetrics(metricsNamespace, "TriggerSource", "Outcome")
            .Add(SenderTelemetryNames.EmfEvents, 1, "Count")
            .Reference(SenderTelemetryNames.EmfDuration, "Milliseconds");
        if (measurements.DecryptMs is { } decrypt)
        {
            emf.Add(SenderTelemetryNames.EmfDecrypt, decrypt, "Milliseconds");
        }

        if (measurements.SendMs is { } send)
        {
            emf.Add(SenderTelemetryNames.EmfSend, send, "Milliseconds");
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
