using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>Reads maildev's REST API (<c>GET /api/email</c>) the way a person reads their inbox.</summary>
public sealed partial class MailDevInbox(HttpClient http, Uri inbox)
{
    public Uri Url => inbox;

    public async Task<IReadOnlyList<JsonObject>> EmailsToAsync(string address)
    {
        var all = await http.GetFromJsonAsync<JsonArray>(new Uri(inbox, "api/email")) ?? [];
        return all.OfType<JsonObject>()
            .Where(mail => mail["to"] is JsonArray to && to.Any(t => string.Equals(t?["address"]?.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Waits for a mail to <paramref name="address"/> that carries a link to <paramref name="path"/> and was not seen before; returns the link.</summary>
    public async Task<Uri> WaitForLinkAsync(string address, string path, int alreadySeen = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var links = (await EmailsToAsync(address)).Select(mail => Link(mail, path)).Where(link => link is not null).ToList();
            if (links.Count > alreadySeen)
            {
                return links[^1]!;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No new email to {address} with a link to {path} arrived within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s (saw {links.Count}).");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>How many mails to <paramref name="address"/> carry a link to <paramref name="path"/>.</summary>
    public async Task<int> CountLinksAsync(string address, string path) =>
        (await EmailsToAsync(address)).Count(mail => Link(mail, path) is not null);

    public static Uri? Link(JsonObject mail, string path)
    {
        var body = (mail["html"]?.GetValue<string>() ?? string.Empty) + "\n" + (mail["text"]?.GetValue<string>() ?? string.Empty);
        foreach (Match match in LinkPattern().Matches(body))
        {
            var url = WebUtility.HtmlDecode(match.Value);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath == path)
            {
                return uri;
            }
        }

        return null;
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex LinkPattern();
}
