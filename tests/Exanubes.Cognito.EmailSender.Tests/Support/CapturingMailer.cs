namespace Exanubes.Cognito.EmailSender.Tests.Support;

/// <summary>A mailer that keeps what it was given (a real object standing in for delivery in unit tests).</summary>
public sealed class CapturingMailer : IMailer
{
    private readonly List<EmailMessage> _sent = [];

    public IReadOnlyList<EmailMessage> Sent => _sent;

    public Exception? FailWith { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }

        _sent.Add(message);
        return Task.CompletedTask;
    }
}
