using System.Text.Json;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Telemetry;

/// <summary>
/// Looks for secrets in exported text: each secret as sent and in the encodings a writer may apply (JSON-escaped,
/// URL-escaped), and for tokens also each of their three parts, so a span holding only a token's signature still counts.
/// </summary>
internal static class SecretScanner
{
    public static IReadOnlyList<string> Find(IEnumerable<(string Where, string Text)> texts, IReadOnlyCollection<string> secrets)
    {
        var forms = secrets
            .Where(s => s.Length >= 6)
            .SelectMany(Forms)
            .DistinctBy(f => f.Text, StringComparer.Ordinal)
            .ToList();
        var found = new List<string>();
        foreach (var (where, text) in texts)
        {
            foreach (var form in forms)
            {
                if (text.Contains(form.Text, StringComparison.Ordinal))
                {
                    found.Add($"{where} holds {form.Name}: {Shorten(text)}");
                }
            }
        }

        return found;
    }

    private static IEnumerable<(string Name, string Text)> Forms(string secret)
    {
        var name = $"secret '{secret[..Math.Min(4, secret.Length)]}…' ({secret.Length} chars)";
        yield return (name, secret);
        yield return (name + " JSON-escaped", JsonEncodedText.Encode(secret).ToString());
        yield return (name + " URL-escaped", Uri.EscapeDataString(secret));
        var parts = secret.Split('.');
        if (parts.Length == 3 && parts.All(p => p.Length >= 16))
        {
            foreach (var part in parts)
            {
                yield return (name + " token part", part);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
