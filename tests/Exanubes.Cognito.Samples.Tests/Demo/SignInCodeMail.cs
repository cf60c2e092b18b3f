using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>Reads the sign-in code out of the "Your sign-in code" email (CustomEmailSender_Authentication) in maildev.</summary>
internal static partial class SignInCodeMail
{
    public const string Subject = "Your sign-in code";

    /// <summary>Waits for a sign-in code email to <paramref name="address"/> beyond the <paramref name="alreadySeen"/> first ones; returns the mail and its code.</summary>
    public static async Task<(JsonObject Mail, string Code)> WaitAsync(MailDevInbox inbox, string address, int alreadySeen = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mails = (await inbox.EmailsToAsync(address)).Where(m => m["subject"]?.GetValue<string>() == Subject).ToList();
            if (mails.Count > alreadySeen)
            {
                var mail = mails[^1];
                var match = CodeLine().Match(mail["text"]?.GetValue<string>() ?? string.Empty);
                Assert.True(match.Success, $"no code in the sign-in email's text: {mail["text"]}");
                return (mail, match.Groups["code"].Value);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No new '{Subject}' email to {address} within 30 s (saw {mails.Count}).");
            }

            await Task.Delay(200);
        }
    }

    public static async Task<int> CountAsync(MailDevInbox inbox, string address) =>
        (await inbox.EmailsToAsync(address)).Count(m => m["subject"]?.GetValue<string>() == Subject);

    // The default template's text body puts the code alone on an indented line.
    [GeneratedRegex(@"^\s{4}(?<code>\d{6,8})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();
}
