using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// The test's own authenticator app: RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps, base32 secret), the
/// parameters Cognito uses for software tokens.
/// </summary>
internal static class TotpCode
{
    public static string At(string base32Secret, DateTimeOffset time)
    {
        var key = Base32Decode(base32Secret);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A well-formed code that is wrong in every step a verifier with one step of tolerance accepts.</summary>
    public static string Wrong(string base32Secret, DateTimeOffset time)
    {
        var accepted = new[] { -60, -30, 0, 30, 60 }.Select(s => At(base32Secret, time.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not base32");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
