using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Telemetry;

/// <summary>
/// The OpenTelemetry SDK wired as a user would (<c>AddSource</c>/<c>AddMeter</c> with the documented names) to its
/// in-memory exporter: every span and metric point the two packages export while it lives.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource WalkSource = new("Exanubes.Cognito.Tests.TelemetryWalk");
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(CognitoTelemetry.SourceName, CustomEmailSenderTelemetry.SourceName, WalkSource.Name)
            .AddInMemoryExporter(Spans)
            .Build();
        _metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter(CognitoTelemetry.SourceName, CustomEmailSenderTelemetry.SourceName)
            .AddInMemoryExporter(Metrics)
            .Build();
    }

    public List<Activity> Spans { get; } = [];

    /// <summary>
    /// Starts a root span for one test's walk. The listener is process-wide and other tests export spans from the same
    /// sources in parallel, so a test that counts spans counts only those of its own trace (<see cref="SpansUnder"/>).
    /// </summary>
    public Activity StartWalk() =>
        WalkSource.StartActivity("walk", ActivityKind.Internal) ?? throw new InvalidOperationException("the walk source has no listener");

    /// <summary>The exported spans of <paramref name="walk"/>'s trace, the walk itself left out.</summary>
    public IReadOnlyList<Activity> SpansUnder(Activity walk) =>
        Spans.Where(s => s.TraceId == walk.TraceId && s.SpanId != walk.SpanId).ToList();

    public List<Metric> Metrics { get; } = [];

    /// <summary>Exports what is pending (metrics are cumulative: the last export of each instrument holds every point).</summary>
    public void Flush()
    {
        _tracing.ForceFlush();
        Metrics.Clear();
        _metering.ForceFlush();
    }

    /// <summary>The points of one instrument, each as its tags.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Points(string instrument)
    {
        var points = new List<IReadOnlyDictionary<string, string>>();
        foreach (var metric in Metrics.Where(m => m.Name == instrument))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }

                points.Add(tags);
            }
        }

        return points;
    }

    /// <summary>Every text the exporters hold, with where it came from: span names, status, tags, events, links; metric names, units, descriptions and tags.</summary>
    public IEnumerable<(string Where, string Text)> Texts()
    {
        foreach (var span in Spans)
        {
            var where = $"span '{span.DisplayName}'";
            yield return (where, span.DisplayName);
            yield return (where, span.OperationName);
            yield return (where + " status", span.StatusDescription ?? string.Empty);
            foreach (var tag in span.TagObjects)
            {
                yield return ($"{where} attribute {tag.Key}", tag.Key + "=" + Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var evt in span.Events)
            {
                yield return ($"{where} event", evt.Name + " " + string.Join(" ", evt.Tags.Select(t => t.Key + "=" + t.Value)));
            }

            foreach (var baggage in span.Baggage)
            {
                yield return ($"{where} baggage", baggage.Key + "=" + baggage.Value);
            }
        }

        foreach (var metric in Metrics)
        {
            yield return ($"metric {metric.Name}", metric.Name + " " + metric.Unit + " " + metric.Description + " " + metric.MeterName);
            foreach (var point in Points(metric.Name))
            {
                yield return ($"metric {metric.Name} tags", string.Join(" ", point.Select(t => t.Key + "=" + t.Value)));
            }
        }
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metering.Dispose();
    }
}
