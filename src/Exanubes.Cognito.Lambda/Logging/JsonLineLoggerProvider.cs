using System.Buffers;
using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Writes each log entry as one JSON line to standard output, synchronously, so a line is never lost when Lambda freezes
/// the container after the invocation. CloudWatch Logs Insights parses the fields directly.
/// </summary>
internal sealed class JsonLineLoggerProvider(TextWriter output, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>>? state, string message, Exception? exception)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var now = time.GetUtcNow();
            json.WriteStartObject();
            json.WriteString("timestamp", now);
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            json.WriteNumber("eventId", eventId.Id);
            if (eventId.Name is not null)
            {
                json.WriteString("eventName", eventId.Name);
            }

            json.WriteString("message", message);
            if (state is not null)
            {
                foreach (var (key, value) in state)
                {
                    if (key == "{OriginalFormat}")
                    {
                        continue;
                    }

                    switch (value)
                    {
                        case EmbeddedMetrics metrics:
                            // CloudWatch Embedded Metric Format: the values and the _aws object, in this same line.
                            metrics.WriteTo(json, now);
                            break;
                        case null:
                            json.WriteNull(key);
                            break;
                        case double d:
                            json.WriteNumber(key, d);
                            break;
                        case int i:
                            json.WriteNumber(key, i);
                            break;
                        case long l:
                            json.WriteNumber(key, l);
                            break;
                        case bool b:
                            json.WriteBoolean(key, b);
                            break;
                        default:
                            json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }
            }

            if (exception is not null)
            {
                json.WriteString("exceptionType", exception.GetType().FullName);
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class JsonLineLogger(JsonLineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            provider.Write(category, logLevel, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>, formatter(state, exception), exception);
        }
    }
}
