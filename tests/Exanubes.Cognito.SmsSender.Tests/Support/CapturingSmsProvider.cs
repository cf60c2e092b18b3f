using System.Collections.Concurrent;

namespace Exanubes.Cognito.SmsSender.Tests.Support;

/// <summary>Records every SMS; optionally fails, or waits so concurrent deliveries overlap.</summary>
internal sealed class CapturingSmsProvider : ISmsProvider
{
    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    public Func<SmsMessage, Exception?>? Fail { get; set; }

    public TimeSpan Delay { get; set; }

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Fail?.Invoke(message) is { } error)
        {
            throw error;
        }

        Sent.Enqueue(message);
    }
}
