using System.Globalization;
using System.Text.Json;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The development sink: appends each SMS as one JSON line (<c>sentAt</c>, <c>phoneNumber</c>, <c>triggerSource</c>,
/// <c>body</c>, <c>encoding</c>, <c>parts</c>) to a file, the feed of a local "SMS inbox" page. For local stacks and demos
/// only: the file holds the codes.
/// </summary>
/// <param name="path">The inbox file; its folder is created when missing.</param>
/// <param name="time">The clock for <c>sentAt</c>.</param>
public sealed class DevelopmentSmsProvider(string path, TimeProvider time) : ISmsProvider
{
    private readonly Lock _gate = new();

    /// <summary>The inbox file.</summary>
    public string Path { get; } = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("The development SMS inbox needs a file path.", nameof(path)) : path;

    /// <inheritdoc />
    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var segments = message.Segments;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("sentAt", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("phoneNumber", message.PhoneNumber);
            json.WriteString("triggerSource", message.TriggerSource);
            json.WriteString("body", message.Body);
            json.WriteString("encoding", segments.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2");
            json.WriteNumber("parts", segments.Parts);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        return Task.CompletedTask;
    }
}
