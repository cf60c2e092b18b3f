using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.Tokens;

/// <summary>Where a JSON string (or array) sits in a payload buffer; <c>default</c> when absent (nothing starts at 0: the payload opens with <c>{</c>).</summary>
internal readonly struct Utf8Slice
{
    private const int EscapedFlag = int.MinValue;
    private readonly int _lengthAndFlag;

    public Utf8Slice(int start, int length, bool escaped)
    {
        Start = start;
        _lengthAndFlag = length | (escaped ? EscapedFlag : 0);
    }

    public int Start { get; }

    public int Length => _lengthAndFlag & int.MaxValue;

    /// <summary>The JSON text holds escapes (<c>\u0041</c>): read it through a JSON reader, not as plain UTF-8.</summary>
    public bool Escaped => _lengthAndFlag < 0;

    public bool IsPresent => Start > 0;

    public ReadOnlySpan<byte> Span(byte[] buffer) => buffer.AsSpan(Start, Length);

    /// <summary>The string value (a JSON string's content, unescaped); the reader already checked it is valid.</summary>
    public string GetString(byte[] buffer)
    {
        if (!Escaped)
        {
            return Encoding.UTF8.GetString(Span(buffer));
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(Start - 1, Length + 2)); // with its quotes
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Whether the string value equals <paramref name="utf8"/>.</summary>
    public bool ValueEquals(byte[] buffer, ReadOnlySpan<byte> utf8)
    {
        if (!Escaped)
        {
            return Span(buffer).SequenceEqual(utf8);
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(Start - 1, Length + 2));
        reader.Read();
        return reader.ValueTextEquals(utf8);
    }

    /// <summary>The strings of a JSON array of strings (the slice holds the brackets).</summary>
    public string[] GetStrings(byte[] buffer)
    {
        var reader = new Utf8JsonReader(Span(buffer));
        reader.Read();
        var values = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        return [.. values];
    }
}

/// <summary>One recorded claim: a string's place or a NumericDate's value.</summary>
internal struct JwtClaimValue
{
    public Utf8Slice Text;
    public long Number;
}

/// <summary>One <see cref="JwtClaimValue"/> per row of <see cref="JwtClaimTable"/>.</summary>
[InlineArray(JwtClaimTable.Count)]
internal struct JwtClaimValues
{
    private JwtClaimValue _first;
}

/// <summary>
/// The one read of a compact JWS by <see cref="JwsReader"/>. <see cref="Buffer"/> holds the payload decoded once; the
/// recorded claims point into it. The signing input is the token's first <see cref="SigningInputLength"/> characters. The validator and
/// <see cref="CognitoValidatedToken"/> (its typed claims and its principal) read from this one buffer.
/// </summary>
internal struct JwsToken
{
    public byte[] Buffer;
    public int SigningInputLength;

    /// <summary>The header part's length in characters (the token's first '.').</summary>
    public int HeaderLength;

    /// <summary>The header was one <see cref="KnownJwsHeaders"/> holds (not decoded again, nothing to remember).</summary>
    public bool HeaderKnown;

    public int PayloadLength;

    /// <summary>How many characters of the caller's kid buffer hold the <c>kid</c>; -1 when the header has none.</summary>
    public int KidLength;

    /// <summary>One bit per <see cref="JwtClaim"/> present in the payload.</summary>
    public int Present;

    public JwtClaimValues Values;

    public readonly bool Has(JwtClaim claim) => (Present & (1 << (int)claim)) != 0;

    public readonly Utf8Slice Text(JwtClaim claim) => Values[(int)claim].Text;

    public readonly long Number(JwtClaim claim) => Values[(int)claim].Number;

    /// <summary>The claim's string value, or <see langword="null"/> when absent.</summary>
    public readonly string? GetString(JwtClaim claim) => Has(claim) ? Text(claim).GetString(Buffer) : null;

    /// <summary>Decodes the signature part into <paramref name="destination"/>; throws <see cref="CognitoTokenSignatureException"/> or <see cref="CognitoTokenMalformedException"/>.</summary>
    public readonly int DecodeSignature(string token, Span<byte> destination)
    {
        var signature = token.AsSpan(SigningInputLength + 1);
        if (signature.IsEmpty)
        {
            throw new CognitoTokenSignatureException("The token has no signature.", "a valid RS256 signature", "none");
        }

        if (Base64Url.GetMaxDecodedLength(signature.Length) > destination.Length)
        {
            throw new CognitoTokenSignatureException($"The token signature is {signature.Length} characters long; no RSA signature is that long.", null, null);
        }

        if (Base64Url.DecodeFromChars(signature, destination, out _, out var written) != OperationStatus.Done)
        {
            throw new CognitoTokenMalformedException("The token signature is not valid base64url.", "base64url", null);
        }

        return written;
    }
}
