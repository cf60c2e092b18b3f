using MimeKit;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Builds a multipart/alternative MIME message (text, then HTML) from an <see cref="EmailMessage"/>.</summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.FromName ?? string.Empty, message.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
