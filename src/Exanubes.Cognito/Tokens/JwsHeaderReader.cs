using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Reads a JWS header part for <see cref="JwsReader"/>: its <c>kid</c>, the <c>alg</c> rule (RS256 only) and the
/// <c>crit</c> rule (none). A header that <see cref="KnownJwsHeaders"/> holds is not decoded again.
/// </summary>
internal static class JwsHeaderReader
{
    /// <summary>
    /// Copies the header's <c>kid</c> into <paramref name="kid"/> and returns its length, or -1 when it has none;
    /// <paramref name="known"/> says the header came from <see cref="KnownJwsHeaders"/>.
    /// </summary>
    [SkipLocalsInit] // the stack buffer is read only as far as it was written
    public static int Read(ReadOnlySpan<char> header, Span<char> kid, out bool known)
    {
        known = KnownJwsHeaders.TryGet(header, kid, out var knownKid);
        if (known)
        {
            return knownKid;
        }

        Span<byte> json = stackalloc byte[Base64Url.GetMaxDecodedLength(header.Length)];
        if (Base64Url.DecodeFromChars(header, json, out _, out var length) != OperationStatus.Done)
        {
            throw new CognitoTokenMalformedException("The token header is not valid base64url.", "base64url", null);
        }

        return Parse(json[..length], kid);
    }

    private static int Parse(ReadOnlySpan<byte> json, Span<char> kid)
    {
        var kidLength = -1;
        var hasAlg = false;
        var isRs256 = false;
        string? alg = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CognitoTokenMalformedException("The token header is not a JSON object.", "JSON object", null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    JwsReader.Once(hasAlg, "alg", "header parameter");
                    hasAlg = true;
                    JwsReader.ExpectString(ref reader, "alg", "header parameter");
                    isRs256 = reader.ValueTextEquals("RS256"u8);
                    alg = isRs256 ? null : reader.GetString();
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    JwsReader.Once(kidLength >= 0, "kid", "header parameter");
                    JwsReader.ExpectString(ref reader, "kid", "header parameter");
                    if (reader.HasValueSequence || reader.ValueSpan.Length > kid.Length)
                    {
                        throw new CognitoTokenMalformedException($"The token's kid is longer than {JwsReader.MaxKidChars} characters.", TokenText.Number(JwsReader.MaxKidChars), null);
                    }

                    kidLength = reader.CopyString(kid);
                }
                else if (reader.ValueTextEquals("crit"u8))
                {
                    throw new CognitoTokenMalformedException("The token header has a 'crit' parameter; no critical extensions are supported.", "no crit", "crit");
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new CognitoTokenMalformedException("The token header has content after its JSON object.", "JSON object", null);
            }
        }
        catch (Exception ex) when (JwsReader.IsInvalidJson(ex))
        {
            throw new CognitoTokenMalformedException("The token header is not valid JSON.", "JSON object", null);
        }

        if (!hasAlg)
        {
            throw new CognitoTokenAlgorithmException("The token header has no 'alg'; expected 'RS256'.", "RS256", null);
        }

        if (!isRs256)
        {
            throw new CognitoTokenAlgorithmException($"The token's alg '{TokenText.Safe(alg)}' is not allowed; expected 'RS256'.", "RS256", TokenText.Safe(alg));
        }

        return kidLength;
    }
}
