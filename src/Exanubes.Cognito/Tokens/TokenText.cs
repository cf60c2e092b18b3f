using System.Globalization;

namespace Exanubes.Cognito.Tokens;

/// <summary>Makes values taken from an untrusted token safe for messages, logs and the WWW-Authenticate header.</summary>
internal static class TokenText
{
    private const int MaxLength = 80;

    /// <summary>Shortens to 80 characters and replaces control, non-ASCII, quote and backslash characters with '?'.</summary>
    public static string Safe(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var length = Math.Min(value.Length, MaxLength);
        return string.Create(length + (value.Length > MaxLength ? 3 : 0), value, static (span, v) =>
        {
            var n = Math.Min(v.Length, MaxLength);
            for (var i = 0; i < n; i++)
            {
                var c = v[i];
                span[i] = c is < ' ' or > '~' or '"' or '\\' ? '?' : c;
            }

            if (v.Length > MaxLength)
            {
                span[n..].Fill('.');
            }
        });
    }

    public static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
