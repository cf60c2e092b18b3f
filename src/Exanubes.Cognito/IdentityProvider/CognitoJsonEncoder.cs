using System.Text;
using System.Text.Encodings.Web;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Escapes request strings exactly as ECMAScript's <c>JSON.stringify</c> does (and so as the AWS JS SDK sends them):
/// only <c>"</c>, <c>\</c> and the control characters below U+0020 are escaped (<c>\b \t \n \f \r</c>, else
/// <c>\u00xx</c> in lower-case hex); every other character, emoji and U+2028/U+2029 included, is written as raw UTF-8.
/// </summary>
/// <remarks>
/// System.Text.Json's encoders escape everything outside their allow-list (even <c>UnsafeRelaxedJsonEscaping</c>
/// escapes astral characters such as emoji and U+2028), which guards JSON that may end up inside HTML or a script.
/// These bodies go only to Cognito's JSON 1.1 endpoint as <c>application/x-amz-json-1.1</c> and are never embedded in
/// HTML, so the relaxed escaping is safe here and matches the official SDK byte for byte. Do not use this encoder for
/// anything that reaches a browser. A lone surrogate cannot be represented in UTF-8 and is left to System.Text.Json,
/// which rejects or replaces it (JSON.stringify would send it as <c>\udxxx</c>).
/// </remarks>
internal sealed class CognitoJsonEncoder : JavaScriptEncoder
{
    private const string Hex = "0123456789abcdef";

    private CognitoJsonEncoder()
    {
    }

    /// <summary>The shared instance.</summary>
    public static CognitoJsonEncoder Instance { get; } = new();

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindFirst(new ReadOnlySpan<char>(text, textLength));
    }

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var index = 0;
        while (index < utf8Text.Length)
        {
            var b = utf8Text[index];
            if (b < 0x80)
            {
                if (WillEncode(b))
                {
                    return index;
                }

                index++;
                continue;
            }

            if (Rune.DecodeFromUtf8(utf8Text[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var destination = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\f' => "\\f",
            '\r' => "\\r",
            _ => default,
        };
        if (!escaped.IsEmpty)
        {
            numberOfCharactersWritten = escaped.TryCopyTo(destination) ? escaped.Length : 0;
            return numberOfCharactersWritten > 0;
        }

        if (unicodeScalar < 0x20)
        {
            if (destination.Length < 6)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            "\\u00".CopyTo(destination);
            destination[4] = Hex[unicodeScalar >> 4];
            destination[5] = Hex[unicodeScalar & 0xF];
            numberOfCharactersWritten = 6;
            return true;
        }

        if (!Rune.TryCreate(unicodeScalar, out var rune) || !rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        return true;
    }

    private int FindFirst(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (WillEncode(c))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
