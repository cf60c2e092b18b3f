namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// How many SMS parts a text takes, counted as carriers do. GSM-7: every character of the GSM 03.38 default alphabet
/// costs one septet and every character of its extension table (<c>^ { } \ [ ~ ] | €</c> and form feed) two; one SMS holds
/// 160 septets, a concatenated part 153 (the user data header takes the rest), and an escape pair is never split between
/// parts. Any other character switches the whole text to UCS-2: 70 UTF-16 units in one SMS, 67 per part, and a
/// surrogate pair is never split.
/// </summary>
/// <param name="Encoding">The encoding the text needs.</param>
/// <param name="Units">Septets (GSM-7) or UTF-16 code units (UCS-2).</param>
/// <param name="Parts">The number of SMS parts; 0 for an empty text.</param>
public sealed record SmsSegments(SmsEncoding Encoding, int Units, int Parts)
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic.Where(c => c != '\u001B')];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>Counts the parts of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static SmsSegments Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new(SmsEncoding.Gsm7, 0, 0);
        }

        return IsGsm7(text) ? Pack(text, SmsEncoding.Gsm7, 160, 153) : Pack(text, SmsEncoding.Ucs2, 70, 67);
    }

    /// <summary>Whether every character is in the GSM 03.38 default alphabet or its extension table.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!BasicSet.Contains(c) && !ExtensionSet.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static SmsSegments Pack(string text, SmsEncoding encoding, int single, int part)
    {
        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            total += Cost(text, i, encoding, out var skip);
            i += skip;
        }

        if (total <= single)
        {
            return new(encoding, total, 1);
        }

        // Greedy packing: a two-unit character (escape pair, surrogate pair) moves whole to the next part.
        var parts = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cost = Cost(text, i, encoding, out var skip);
            i += skip;
            if (used + cost > part)
            {
                parts++;
                used = 0;
            }

            used += cost;
        }

        return new(encoding, total, parts);
    }

    private static int Cost(string text, int i, SmsEncoding encoding, out int skip)
    {
        skip = 0;
        if (encoding == SmsEncoding.Gsm7)
        {
            return ExtensionSet.Contains(text[i]) ? 2 : 1;
        }

        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            skip = 1;
            return 2;
        }

        return 1;
    }
}
