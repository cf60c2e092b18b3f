namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The exact text of a few JWS headers whose tokens verified, each with its <c>kid</c>. A user pool signs with one key
/// per token use, so nearly every header is a repeat, and <see cref="JwsReader"/> then skips decoding and parsing it.
/// </summary>
/// <remarks>
/// An entry is made only after a token's signature verified (a forger cannot fill or churn it), and a lookup compares
/// the whole header text, so a hit yields what a parse would: the header passed the <c>alg</c> and <c>crit</c> rules
/// and has this <c>kid</c>. The slots are few and fixed; a collision only costs a parse.
/// </remarks>
internal static class KnownJwsHeaders
{
    private const int Slots = 8;

    /// <summary>Longer headers are not kept (Cognito's are about 90 characters).</summary>
    private const int MaxHeaderChars = 256;

    private static readonly Entry?[] Entries = new Entry?[Slots];

    /// <summary>Copies the known header's <c>kid</c> into <paramref name="kid"/>; false when the header is not known.</summary>
    public static bool TryGet(ReadOnlySpan<char> header, Span<char> kid, out int kidLength)
    {
        var entry = Volatile.Read(ref Entries[Slot(header)]);
        if (entry is not null && header.SequenceEqual(entry.Header) && entry.Kid.TryCopyTo(kid))
        {
            kidLength = entry.Kid.Length;
            return true;
        }

        kidLength = -1;
        return false;
    }

    /// <summary>Remembers the header of a token that verified, unless its slot already holds it.</summary>
    public static void Remember(ReadOnlySpan<char> header, ReadOnlySpan<char> kid)
    {
        if (header.IsEmpty || header.Length > MaxHeaderChars)
        {
            return;
        }

        ref var slot = ref Entries[Slot(header)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || !header.SequenceEqual(entry.Header))
        {
            Volatile.Write(ref slot, new Entry(header.ToString(), kid.ToString()));
        }
    }

    /// <summary>Mixes the length and two characters from the middle, where the base64url of the <c>kid</c> differs.</summary>
    private static int Slot(ReadOnlySpan<char> header) =>
        (header.Length ^ header[header.Length / 2] ^ (header[header.Length * 2 / 3] << 2)) & (Slots - 1);

    private sealed record Entry(string Header, string Kid);
}
