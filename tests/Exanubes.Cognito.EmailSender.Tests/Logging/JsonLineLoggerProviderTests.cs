using Exanubes.Cognito.Lambda;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.EmailSender.Tests.Logging;

public class JsonLineLoggerProviderTests
{
    [Fact]
    public void Log_EventHandled_WritesOneParsableLineWithTypedFields()
    {
        var output = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero));
        using var provider = new JsonLineLoggerProvider(output, time);
        var logger = provider.CreateLogger("Exanubes.Cognito.EmailSender.CustomEmailSenderPipeline");

        var metrics = new Exanubes.Cognito.Lambda.EmbeddedMetrics("Ns", "TriggerSource", "Outcome").Add("SendMs", 7.5, "Milliseconds").Reference("DurationMs", "Milliseconds");
        Log.EmailEventHandled(logger, "CustomEmailSender_SignUp", "eu-west-1_Pool", "client\"1", "Sent", 12.5, metrics);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var root = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("2026-11-29T07:00:00+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal("Information", root.GetProperty("level").GetString());
        Assert.Equal(6000, root.GetProperty("eventId").GetInt32());
        Assert.Equal("EmailEventHandled", root.GetProperty("eventName").GetString());
        Assert.Equal("client\"1", root.GetProperty("ClientId").GetString());
        Assert.Equal(12.5, root.GetProperty("DurationMs").GetDouble());
        Assert.Equal("Sent", root.GetProperty("Outcome").GetString());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
        Assert.False(root.TryGetProperty("Metrics", out _));
        Assert.Equal(7.5, root.GetProperty("SendMs").GetDouble());
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.EndsWith("in 12.5 ms [SendMs=7.5]", root.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_WithException_WritesOnlyItsTypeNotItsStack()
    {
        var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, TimeProvider.System);
        var logger = provider.CreateLogger("c");

        logger.LogError(new InvalidOperationException("boom"), "failed {Thing}", 3);

        var root = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("System.InvalidOperationException", root.GetProperty("exceptionType").GetString());
        Assert.Equal(3, root.GetProperty("Thing").GetInt32());
        Assert.DoesNotContain("boom", output.ToString(), StringComparison.Ordinal);
    }
}
