using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Reads a compact JWS (RFC 7515 section 7.1) in place: the shape, the header (<c>alg</c>, <c>kid</c>, <c>crit</c>,
/// through <see cref="JwsHeaderReader"/>) and the payload, decoded once and walked once with <see cref="Utf8JsonReader"/>, recording the claims of
/// <see cref="JwtClaimTable"/> and checking their JSON types. It knows no pool, key or Cognito rule: those are
/// <see cref="CognitoTokenValidator"/>'s.
/// </summary>
internal static class JwsReader
{
    public const int MaxKidChars = 256;
    public const int MaxSignatureBytes = 1024;
    private const int MaxHeaderChars = 1024;
    private const long MaxNumericDate = 253402300799; // 9999-12-31T23:59:59Z

    /// <summary>Escaped names longer than this cannot unescape to a claim of the table (16 bytes, 6 bytes per escape).</summary>
    private const int MaxEscapedNameBytes = 96;

    private static readonly SearchValues<char> CompactChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>
    /// Reads the token (at most <paramref name="maxLength"/> characters) into <paramref name="jws"/>, the header's
    /// <c>kid</c> into <paramref name="kid"/>; throws <see cref="CognitoTokenMalformedException"/> or <see cref="CognitoTokenAlgorithmException"/>.
    /// </summary>
    public static void Read(string token, int maxLength, Span<char> kid, out JwsToken jws)
    {
        jws = default;
        var chars = token.AsSpan();
        if (chars.Length > maxLength)
        {
            throw new CognitoTokenMalformedException(
                $"The token is {chars.Length} characters long; at most {maxLength} are accepted.", TokenText.Number(maxLength), TokenText.Number(chars.Length));
        }

        var invalid = chars.IndexOfAnyExcept(CompactChars);
        if (invalid >= 0)
        {
            throw new CognitoTokenMalformedException($"The token has a character other than base64url and '.' at position {invalid}.", "base64url", null);
        }

        // Three parts: a first and a last '.', apart, and none between them (only the payload is searched again).
        var dot1 = chars.IndexOf('.');
        var dot2 = chars.LastIndexOf('.');
        if (dot1 < 0 || dot1 == dot2 || chars[(dot1 + 1)..dot2].Contains('.'))
        {
            var parts = chars.Count('.') + 1;
            throw new CognitoTokenMalformedException(
                $"The token has {parts} parts; a JWS in compact serialization has 3 base64url parts separated by '.'.", "3", TokenText.Number(parts));
        }

        var header = chars[..dot1];
        var payload = chars[(dot1 + 1)..dot2];
        if (header.IsEmpty || payload.IsEmpty)
        {
            var empty = header.IsEmpty ? "header" : "payload";
            throw new CognitoTokenMalformedException($"The token's {empty} part is empty.", "3 non-empty parts", empty + " empty");
        }

        if (header.Length > MaxHeaderChars)
        {
            throw new CognitoTokenMalformedException(
                $"The token header is {header.Length} characters long; at most {MaxHeaderChars} are accepted.", TokenText.Number(MaxHeaderChars), TokenText.Number(header.Length));
        }

        jws.HeaderLength = dot1;
        jws.KidLength = JwsHeaderReader.Read(header, kid, out jws.HeaderKnown);

        // One buffer per token, the payload decoded once: the only allocation of a read. The signing input is not
        // copied here; the validator narrows it into a transient buffer when it verifies the signature.
        var buffer = new byte[Base64Url.GetMaxDecodedLength(payload.Length)];
        if (Base64Url.DecodeFromChars(payload, buffer, out _, out var payloadLength) != OperationStatus.Done)
        {
            throw new CognitoTokenMalformedException("The token payload is not valid base64url.", "base64url", null);
        }

        jws.Buffer = buffer;
        jws.SigningInputLength = dot2;
        jws.PayloadLength = payloadLength;
        ReadPayload(ref jws);
    }

    private static void ReadPayload(ref JwsToken jws)
    {
        try
        {
            var reader = new Utf8JsonReader(jws.Buffer.AsSpan(0, jws.PayloadLength));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CognitoTokenMalformedException("The token payload is not a JSON object.", "JSON object", null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var claim = Identify(ref reader);
                if (claim == JwtClaim.Other)
                {
                    reader.Skip();
                    continue;
                }

                var name = JwtClaimTable.Name(claim);
                Once(jws.Has(claim), name, "claim");
                jws.Present |= 1 << (int)claim;
                ref var value = ref jws.Values[(int)claim];
                reader.Read();
                switch (JwtClaimTable.Kind(claim))
                {
                    case JwtClaimKind.NumericDate:
                        value.Number = ReadNumericDate(ref reader, name);
                        break;
                    case JwtClaimKind.StringArray:
                        value.Text = ReadStringArray(ref reader, name);
                        break;
                    default:
                        value.Text = ReadString(ref reader, name);
                        break;
                }
            }

            if (reader.Read())
            {
                throw new CognitoTokenMalformedException("The token payload has content after its JSON object.", "JSON object", null);
            }
        }
        catch (Exception ex) when (IsInvalidJson(ex))
        {
            throw NotJson();
        }
    }

    /// <summary>Names the property at the reader from the claim table, unescaping names written with escapes.</summary>
    [SkipLocalsInit] // the stack buffer is read only as far as it was written
    private static JwtClaim Identify(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return JwtClaimTable.Identify(reader.ValueSpan);
        }

        if (reader.ValueSpan.Length > MaxEscapedNameBytes)
        {
            return JwtClaim.Other;
        }

        Span<byte> name = stackalloc byte[MaxEscapedNameBytes];
        return JwtClaimTable.Identify(name[..reader.CopyString(name)]);
    }

    private static Utf8Slice ReadString(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(name, "claim", "a string", reader.TokenType);
        }

        return Record(ref reader);
    }

    private static Utf8Slice ReadStringArray(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, "claim", "an array of strings", reader.TokenType);
        }

        var start = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw WrongType(name, "claim", "an array of strings", reader.TokenType);
            }

            Record(ref reader);
        }

        return new Utf8Slice(start, (int)reader.BytesConsumed - start, escaped: false);
    }

    /// <summary>Records the string at the reader after checking it decodes (valid UTF-8, no lone surrogate escape).</summary>
    private static Utf8Slice Record(ref Utf8JsonReader reader)
    {
        var escaped = reader.ValueIsEscaped;
        if (escaped ? !TryUnescape(ref reader) : !Utf8.IsValid(reader.ValueSpan))
        {
            throw NotJson();
        }

        return new Utf8Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, escaped);
    }

    private static bool TryUnescape(ref Utf8JsonReader reader)
    {
        _ = reader.GetString(); // throws InvalidOperationException, caught as invalid JSON, on a lone surrogate escape
        return true;
    }

    private static long ReadNumericDate(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongType(name, "claim", "a NumericDate (a JSON number)", reader.TokenType);
        }

        if (!reader.TryGetInt64(out var value))
        {
            var number = reader.GetDouble();
            value = double.IsFinite(number) && number is >= 0 and <= MaxNumericDate ? (long)Math.Floor(number) : -1;
        }

        if (value is < 0 or > MaxNumericDate)
        {
            throw new CognitoTokenMalformedException($"The token's claim '{name}' is out of the range of a NumericDate.", "0 to " + TokenText.Number(MaxNumericDate), null);
        }

        return value;
    }

    internal static void ExpectString(ref Utf8JsonReader reader, string name, string kind)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(name, kind, "a string", reader.TokenType);
        }
    }

    internal static void Once(bool seen, string name, string kind)
    {
        if (seen)
        {
            throw new CognitoTokenMalformedException($"The token's {kind} '{name}' appears more than once.", "once", "twice");
        }
    }

    /// <summary>
    /// Malformed JSON: <see cref="JsonException"/> from the reader, and <see cref="InvalidOperationException"/> from
    /// <see cref="Utf8JsonReader.GetString"/> or <c>CopyString</c> on a string that is not valid UTF-8 or holds a lone
    /// surrogate escape.
    /// </summary>
    internal static bool IsInvalidJson(Exception ex) => ex is JsonException or InvalidOperationException;

    private static CognitoTokenMalformedException NotJson() => new("The token payload is not valid JSON.", "JSON object", null);

    internal static CognitoTokenMalformedException WrongType(string name, string kind, string expected, JsonTokenType actual)
    {
        var found = actual switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => actual.ToString(),
        };
        return new CognitoTokenMalformedException($"The token's {kind} '{name}' must be {expected}; found {found}.", expected, found);
    }
}
