namespace Exanubes.EncryptionSdk;

/// <summary>Makes text taken from a message (provider ids and info, encryption-context values) safe to put in an exception message and so in a log line.</summary>
internal static class UntrustedText
{
    private const int MaxLength = 120;

    /// <summary>Shortens to 120 characters (marking the cut with "...") and replaces every character outside printable ASCII with '?'.</summary>
    public static string Safe(string value)
    {
        var length = Math.Min(value.Length, MaxLength);
        return string.Create(length + (value.Length > MaxLength ? 3 : 0), value, static (span, v) =>
        {
            var n = Math.Min(v.Length, MaxLength);
            for (var i = 0; i < n; i++)
            {
                var c = v[i];
                span[i] = c is < ' ' or > '~' ? '?' : c;
            }

            span[n..].Fill('.');
        });
    }
}
