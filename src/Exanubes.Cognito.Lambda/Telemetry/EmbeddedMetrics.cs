using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The CloudWatch Embedded Metric Format (EMF) part of one JSON log line: the <c>_aws</c> metadata object and the
/// metric values it points at, written into a line the logger is already writing. CloudWatch Logs turns such a line
/// into metrics with no API call and no agent, which is Lambda's native route for metrics.
/// </summary>
/// <remarks>
/// Per the EMF specification
/// (<see href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html"/>):
/// <c>_aws</c> holds <c>Timestamp</c> (milliseconds since the epoch) and <c>CloudWatchMetrics</c>, an array of
/// directives <c>{ Namespace, Dimensions: [[names]], Metrics: [{ Name, Unit }] }</c>; every name a directive lists is a
/// member of the line's root, dimension values as strings and metric values as numbers. The dimensions and the
/// <see cref="Reference">referenced</see> metrics are members the line already carries (the log state); the values
/// <see cref="Add">added</see> here are written by <see cref="WriteTo"/>. Only fixed words and numbers go in: never
/// event text beyond what the line already holds. The senders reach it through this package's
/// <c>InternalsVisibleTo</c>, and the shared <c>JsonLineLoggerProvider</c> writes it (docs/sender-layout.md).
/// </remarks>
internal sealed class EmbeddedMetrics
{
    private readonly List<(string Name, string Unit, double? Value)> _metrics = new(4);

    /// <summary>
    /// Metrics for <paramref name="metricNamespace"/>, dimensioned by the root members <paramref name="dimensions"/>;
    /// with no namespace the values are still written but no <c>_aws</c> object, so CloudWatch extracts nothing.
    /// </summary>
    public EmbeddedMetrics(string? metricNamespace, params string[] dimensions)
    {
        MetricNamespace = string.IsNullOrEmpty(metricNamespace) ? null : metricNamespace;
        DimensionNames = dimensions;
    }

    /// <summary>The CloudWatch namespace, for example <c>Exanubes/Cognito</c>; <see langword="null"/> writes no <c>_aws</c> object.</summary>
    public string? MetricNamespace { get; }

    /// <summary>The root members that are the dimensions (one dimension set).</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    /// <summary>The metric names, in order.</summary>
    public IEnumerable<string> MetricNames => _metrics.Select(m => m.Name);

    /// <summary>Adds a metric whose value this object writes at the root.</summary>
    /// <param name="name">The metric and root member name.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">An EMF unit, for example <c>Milliseconds</c> or <c>Count</c>.</param>
    public EmbeddedMetrics Add(string name, double value, string unit)
    {
        _metrics.Add((name, unit, value));
        return this;
    }

    /// <summary>Adds a metric whose value the line already carries at the root (a log state member).</summary>
    public EmbeddedMetrics Reference(string name, string unit)
    {
        _metrics.Add((name, unit, null));
        return this;
    }

    /// <summary>The value of an added metric, or <see langword="null"/>.</summary>
    public double? Value(string name) => _metrics.FirstOrDefault(m => m.Name == name).Value;

    /// <summary>Writes the added metric values and the <c>_aws</c> object as members of the open root object.</summary>
    public void WriteTo(Utf8JsonWriter json, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var (name, _, value) in _metrics)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }
        }

        if (MetricNamespace is null)
        {
            return;
        }

        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", MetricNamespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var dimension in DimensionNames)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var (name, unit, _) in _metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The added values for plain-text loggers, for example <c>DecryptMs=3.1 SendMs=40.2</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, _, value) in _metrics)
        {
            if (value is { } number)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(name).Append('=').Append(number.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Length == 0 ? "-" : text.ToString();
    }
}
