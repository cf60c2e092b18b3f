using System.Diagnostics;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Telemetry;

/// <summary>The README's telemetry wiring, compiled and run: a host with exactly its three lines exports the sender's span and metrics.</summary>
public sealed class ReadmeTelemetrySnippetTests
{
    [Fact]
    public async Task ReadmeWiring_SenderEvent_IsExported()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = Host.CreateApplicationBuilder();

        // README "Telemetry", statement for statement:
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(CognitoTelemetry.SourceName, CustomEmailSenderTelemetry.SourceName))
            .WithMetrics(m => m.AddMeter(CognitoTelemetry.SourceName, CustomEmailSenderTelemetry.SourceName));

        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        using var host = builder.Build();
        await host.StartAsync();
        var function = TestFunction.WithMailer(new CapturingMailer());

        await function.HandleAsync(new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            Support.Events.Create("CustomEmailSender_AccountTakeOverNotification", null, "readme@example.com"))));
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await host.StopAsync();

        Assert.Contains(spans, s => s.Source.Name == CustomEmailSenderTelemetry.SourceName && (string?)s.GetTagItem(CustomEmailSenderTelemetry.TriggerSourceTag) == "CustomEmailSender_AccountTakeOverNotification");
        Assert.Contains(metrics, m => m.Name == CustomEmailSenderTelemetry.Events);
    }
}
