using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exanubes.Cognito.SmsSender.Tests.Support;

namespace Exanubes.Cognito.SmsSender.Tests.Telemetry;

/// <summary>
/// The SMS sender reports like the email sender: a span per event, the sender instruments under its own source name,
/// and CloudWatch EMF in its one JSON line per event; never the code or the phone number.
/// </summary>
public sealed class SmsSenderTelemetryTests
{
    private const string TestSourceName = "Exanubes.Cognito.SmsSender.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    [Fact]
    public async Task HandleAsync_WithListeners_SpanAndInstrumentsCarryTriggerSourceAndOutcomeOnly()
    {
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name is CustomSmsSenderTelemetry.SourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(activities);
        var measurements = new List<(string Instrument, Dictionary<string, string?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CustomSmsSenderTelemetry.SourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        meters.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        meters.Start();
        var function = TestSmsFunction.WithProvider(new CapturingSmsProvider());

        using (var walk = TestSource.StartActivity("walk") ?? throw new InvalidOperationException("the test source has no listener"))
        {
            await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("Authentication")));
            lock (spans)
            {
                var span = Assert.Single(spans, s => s.TraceId == walk.TraceId && s.Source.Name == CustomSmsSenderTelemetry.SourceName);
                Assert.Equal("CustomSmsSender", span.DisplayName);
                Assert.Equal(ActivityKind.Consumer, span.Kind);
                Assert.Equal("CustomSMSSender_Authentication", span.GetTagItem(CustomSmsSenderTelemetry.TriggerSourceTag));
                Assert.Equal("Sent", span.GetTagItem(CustomSmsSenderTelemetry.OutcomeTag));
                Assert.Equal([CustomSmsSenderTelemetry.OutcomeTag, CustomSmsSenderTelemetry.TriggerSourceTag], span.TagObjects.Select(t => t.Key).Order(StringComparer.Ordinal));
            }
        }

        lock (measurements)
        {
            var mine = measurements.Where(m => m.Tags.GetValueOrDefault(CustomSmsSenderTelemetry.TriggerSourceTag) == "CustomSMSSender_Authentication").ToList();
            Assert.Contains(mine, m => m.Instrument == CustomSmsSenderTelemetry.Events && m.Tags[CustomSmsSenderTelemetry.OutcomeTag] == "Sent");
            Assert.Contains(mine, m => m.Instrument == CustomSmsSenderTelemetry.DecryptDuration);
            Assert.Contains(mine, m => m.Instrument == CustomSmsSenderTelemetry.SendDuration && m.Tags[CustomSmsSenderTelemetry.OutcomeTag] == "Sent");
            Assert.Contains(mine, m => m.Instrument == CustomSmsSenderTelemetry.EventDuration);
            Assert.All(mine, m => Assert.All(m.Tags.Values, v => Assert.DoesNotContain(SmsEvents.Phone, v ?? string.Empty, StringComparison.Ordinal)));
        }

        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value as string;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, copy));
            }
        }
    }

    [Fact]
    public async Task HandleAsync_Sent_TheLogLineCarriesEmfWithDecryptAndSendAndNoSecret()
    {
        var function = TestSmsFunction.WithProvider(new CapturingSmsProvider());

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("ForgotPassword")));

        var line = Assert.Single(EventLines(function));
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Exanubes/Cognito/SmsSender", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["TriggerSource", "Outcome"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Events", "DurationMs", "DecryptMs", "SendMs"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal("CustomSMSSender_ForgotPassword", line.GetProperty("TriggerSource").GetString());
        Assert.Equal(1, line.GetProperty("Events").GetDouble());
        Assert.True(line.GetProperty("DecryptMs").GetDouble() >= 0);
        Assert.True(line.GetProperty("SendMs").GetDouble() >= 0);
        var text = function.Stdout.ToString();
        Assert.DoesNotContain(SmsEvents.Codes["ForgotPassword"], text, StringComparison.Ordinal);
        Assert.DoesNotContain(SmsEvents.Phone, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RejectedEventOrNamespaceOff_EmfWithoutStagesOrNoAwsObject()
    {
        var rejected = TestSmsFunction.WithProvider(new CapturingSmsProvider());
        var node = SmsEvents.Node("SignUp");
        node["userPoolId"] = "eu-west-1_SomeOtherPool";
        await Assert.ThrowsAnyAsync<Exception>(() => rejected.HandleAsync(SmsEvents.Stream(node)));
        var line = Assert.Single(EventLines(rejected));
        Assert.Equal("Rejected", line.GetProperty("Outcome").GetString());
        Assert.Equal(["Events", "DurationMs"], line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.False(line.TryGetProperty("DecryptMs", out _));

        var off = TestSmsFunction.WithProvider(new CapturingSmsProvider(), null, ("SmsSender__MetricsNamespace", ""));
        await off.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp")));
        var plain = Assert.Single(EventLines(off));
        Assert.False(plain.TryGetProperty("_aws", out _));
        Assert.True(plain.GetProperty("SendMs").GetDouble() >= 0);
    }

    private static List<JsonElement> EventLines(TestSmsFunction function) =>
        [.. function.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("eventName", out var n) && n.GetString() is "SmsEventHandled" or "SmsEventFailed")];
}
