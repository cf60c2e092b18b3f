using System.Buffers;
using System.Text.Json;

namespace Exanubes.Cognito.Lambda.Tests.Telemetry;

/// <summary>
/// The EMF writer against the CloudWatch Embedded Metric Format specification
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
/// </summary>
public sealed class EmbeddedMetricsTests
{
    /// <summary>The units the specification allows (CloudWatch MetricDatum units).</summary>
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ];

    [Fact]
    public void WriteTo_LineWithDimensionsAndReferencedMetric_IsAValidEmfDocument()
    {
        var metrics = new EmbeddedMetrics("Exanubes/Cognito/EmailSender", "TriggerSource", "Outcome")
            .Add("Events", 1, "Count")
            .Reference("DurationMs", "Milliseconds")
            .Add("DecryptMs", 3.25, "Milliseconds");
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, 123, TimeSpan.Zero);

        var root = Line(json =>
        {
            json.WriteString("TriggerSource", "CustomEmailSender_SignUp");
            json.WriteString("Outcome", "Sent");
            json.WriteNumber("DurationMs", 41.5);
            metrics.WriteTo(json, at);
        });

        var aws = root.GetProperty("_aws");
        Assert.Equal(at.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        Assert.Equal(["Timestamp", "CloudWatchMetrics"], aws.EnumerateObject().Select(p => p.Name));
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal(["Namespace", "Dimensions", "Metrics"], directive.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Exanubes/Cognito/EmailSender", directive.GetProperty("Namespace").GetString());
        var set = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(["TriggerSource", "Outcome"], set.EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Events", "DurationMs", "DecryptMs"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        AssertTargetsPresent(root);
        Assert.Equal(1, root.GetProperty("Events").GetDouble());
        Assert.Equal(3.25, root.GetProperty("DecryptMs").GetDouble());
        Assert.Equal("Events=1 DecryptMs=3.25", metrics.ToString());
    }

    [Fact]
    public void WriteTo_NoNamespace_WritesTheValuesButNoAwsObject()
    {
        var root = Line(json => new EmbeddedMetrics(null, "Outcome").Add("SendMs", 12, "Milliseconds").WriteTo(json, DateTimeOffset.UnixEpoch));

        Assert.False(root.TryGetProperty("_aws", out _));
        Assert.Equal(12, root.GetProperty("SendMs").GetDouble());
    }

    /// <summary>
    /// The specification's rules for one line: every dimension a directive names is a root string member, every metric a
    /// root number (or array of numbers), units from the allowed list, at most 30 dimensions per set and 100 metrics.
    /// Shared with the sender's tests through the same assertions.
    /// </summary>
    internal static void AssertTargetsPresent(JsonElement root)
    {
        var aws = root.GetProperty("_aws");
        Assert.Equal(JsonValueKind.Number, aws.GetProperty("Timestamp").ValueKind);
        foreach (var directive in aws.GetProperty("CloudWatchMetrics").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(directive.GetProperty("Namespace").GetString()));
            foreach (var set in directive.GetProperty("Dimensions").EnumerateArray())
            {
                Assert.InRange(set.GetArrayLength(), 0, 30);
                foreach (var name in set.EnumerateArray().Select(d => d.GetString()!))
                {
                    Assert.True(root.TryGetProperty(name, out var value), $"dimension {name} is not a root member");
                    Assert.Equal(JsonValueKind.String, value.ValueKind);
                }
            }

            Assert.InRange(directive.GetProperty("Metrics").GetArrayLength(), 1, 100);
            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                var name = metric.GetProperty("Name").GetString()!;
                Assert.True(root.TryGetProperty(name, out var value), $"metric {name} is not a root member");
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
                Assert.Contains(metric.GetProperty("Unit").GetString()!, Units);
            }
        }
    }

    private static JsonElement Line(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }
}
