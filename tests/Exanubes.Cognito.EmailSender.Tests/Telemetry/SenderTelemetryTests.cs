using System.Diagnostics.Metrics;
using System.Text.Json;
using Exanubes.Cognito.EmailSender.Tests.Support;

namespace Exanubes.Cognito.EmailSender.Tests.Telemetry;

/// <summary>
/// The sender's telemetry: the one JSON line per event carries CloudWatch EMF (namespace, dimensions TriggerSource and
/// Outcome, metrics Events, DurationMs, DecryptMs, SendMs) whose every name is a member of that line, and the meter
/// counts the event by trigger source and outcome.
/// </summary>
public sealed class SenderTelemetryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task HandleAsync_SentEvent_LineCarriesEmfWithEveryStage()
    {
        var function = TestFunction.WithMailer(new CapturingMailer());

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        var line = Assert.Single(EventLines(function));
        output.WriteLine(line.GetRawText()); // the example line in docs/telemetry.md
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Exanubes/Cognito/EmailSender", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["TriggerSource", "Outcome"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            [CustomEmailSenderTelemetry.EmfEvents, CustomEmailSenderTelemetry.EmfDuration, CustomEmailSenderTelemetry.EmfDecrypt, CustomEmailSenderTelemetry.EmfSend],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        AssertTargetsPresent(line);
        Assert.Equal("Sent", line.GetProperty("Outcome").GetString());
        Assert.True(line.GetProperty("DecryptMs").GetDouble() <= line.GetProperty("DurationMs").GetDouble());
        Assert.Contains("[Events=1 DecryptMs=", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UnreadableEvent_LineCarriesEmfForRejectedWithoutStages()
    {
        var function = TestFunction.WithMailer(new CapturingMailer());

        await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream("{\"version\":1}"u8.ToArray())));

        var line = Assert.Single(EventLines(function));
        Assert.Equal("Rejected", line.GetProperty("Outcome").GetString());
        Assert.Equal(["Events", "DurationMs"], line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        AssertTargetsPresent(line);
        Assert.False(line.TryGetProperty("DecryptMs", out _));
    }

    [Fact]
    public async Task HandleAsync_EmptyMetricsNamespace_LineHasTimingsButNoAwsObject()
    {
        var function = TestFunction.WithMailer(new CapturingMailer(), null, ("EmailSender__MetricsNamespace", string.Empty));

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("ForgotPassword")));

        var line = Assert.Single(EventLines(function));
        Assert.False(line.TryGetProperty("_aws", out _));
        Assert.True(line.GetProperty("SendMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task HandleAsync_WithMeterListener_CountsTheEventAndTimesDecryptAndSend()
    {
        var seen = new List<(string Instrument, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CustomEmailSenderTelemetry.SourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        listener.Start();
        var function = TestFunction.WithMailer(new CapturingMailer());

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("ResendCode")));

        lock (seen)
        {
            Assert.Contains(seen, s => s.Instrument == CustomEmailSenderTelemetry.Events && s.Tags[CustomEmailSenderTelemetry.TriggerSourceTag] == "CustomEmailSender_ResendCode" && s.Tags[CustomEmailSenderTelemetry.OutcomeTag] == "Sent");
            Assert.Contains(seen, s => s.Instrument == CustomEmailSenderTelemetry.DecryptDuration && s.Tags[CustomEmailSenderTelemetry.TriggerSourceTag] == "CustomEmailSender_ResendCode");
            Assert.Contains(seen, s => s.Instrument == CustomEmailSenderTelemetry.SendDuration && s.Tags[CustomEmailSenderTelemetry.OutcomeTag] == "Sent");
        }

        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value as string;
            }

            lock (seen)
            {
                seen.Add((instrument.Name, copy));
            }
        }
    }

    /// <summary>Every dimension and metric a directive names is a root member of the same line, of the right JSON type.</summary>
    private static void AssertTargetsPresent(JsonElement root)
    {
        foreach (var directive in root.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray())
        {
            foreach (var name in directive.GetProperty("Dimensions").EnumerateArray().SelectMany(s => s.EnumerateArray()).Select(d => d.GetString()!))
            {
                Assert.Equal(JsonValueKind.String, root.GetProperty(name).ValueKind);
            }

            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Number, root.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind);
                Assert.Contains(metric.GetProperty("Unit").GetString(), new[] { "Count", "Milliseconds" });
            }
        }

        Assert.Equal(JsonValueKind.Number, root.GetProperty("_aws").GetProperty("Timestamp").ValueKind);
    }

    private static List<JsonElement> EventLines(TestFunction function)
        => function.Stdout.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => e.TryGetProperty("eventId", out var id) && id.GetInt32() is 6000 or 6001)
            .ToList();
}
