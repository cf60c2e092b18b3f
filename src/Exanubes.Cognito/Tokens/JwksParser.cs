using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Exanubes.Cognito.Tokens;

/// <summary>Reads a JWKS document into signing keys; keys that cannot verify RS256 are kept with the reason, so a token naming them gets a precise error.</summary>
internal static class JwksParser
{
    private const int MinimumKeyBits = 2048;

    /// <summary>Parses the JWKS. Throws <see cref="InvalidDataException"/> when it is not a JSON object with a <c>keys</c> array.</summary>
    /// <param name="json">The JWKS bytes.</param>
    /// <param name="previous">The keys of the last good JWKS, whose imported RSA objects are reused when unchanged.</param>
    public static Dictionary<string, CognitoSigningKey> Parse(ReadOnlyMemory<byte> json, IReadOnlyDictionary<string, CognitoSigningKey> previous)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The JWKS is not valid JSON.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("The JWKS is not a JSON object with a 'keys' array.");
            }

            var result = new Dictionary<string, CognitoSigningKey>(StringComparer.Ordinal);
            var duplicates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var jwk in keys.EnumerateArray())
            {
                if (jwk.ValueKind != JsonValueKind.Object || Text(jwk, "kid") is not { Length: > 0 } kid)
                {
                    continue;
                }

                if (!result.TryAdd(kid, Read(kid, jwk, previous)))
                {
                    duplicates.Add(kid);
                }
            }

            foreach (var kid in duplicates)
            {
                result[kid] = new CognitoSigningKey(kid, null, null, $"The signing key '{TokenText.Safe(kid)}' appears more than once in the JWKS; it is not used.");
            }

            return result;
        }
    }

    private static CognitoSigningKey Read(string kid, JsonElement jwk, IReadOnlyDictionary<string, CognitoSigningKey> previous)
    {
        var safeKid = TokenText.Safe(kid);
        var kty = Text(jwk, "kty");
        if (kty != "RSA")
        {
            return Unusable(kid, $"The signing key '{safeKid}' has kty '{TokenText.Safe(kty)}'; expected 'RSA'.");
        }

        var alg = Text(jwk, "alg");
        if (alg is not null && alg != "RS256")
        {
            return Unusable(kid, $"The signing key '{safeKid}' has alg '{TokenText.Safe(alg)}'; expected 'RS256'.");
        }

        var use = Text(jwk, "use");
        if (use is not null && use != "sig")
        {
            return Unusable(kid, $"The signing key '{safeKid}' has use '{TokenText.Safe(use)}'; expected 'sig'.");
        }

        var n = Text(jwk, "n");
        var e = Text(jwk, "e");
        if (n is null || e is null || !Base64Url.IsValid(n) || !Base64Url.IsValid(e))
        {
            return Unusable(kid, $"The signing key '{safeKid}' has no valid RSA modulus and exponent.");
        }

        var fingerprint = n + "." + e;
        if (previous.TryGetValue(kid, out var old) && old.Modulus == fingerprint)
        {
            return old;
        }

        var exponent = Base64Url.DecodeFromChars(e);
        var modulus = Base64Url.DecodeFromChars(n);
        var bits = BitLength(modulus);
        if (bits < MinimumKeyBits)
        {
            return Unusable(kid, $"The signing key '{safeKid}' is {bits} bits long; at least {MinimumKeyBits} are required.");
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = TrimLeadingZeros(modulus), Exponent = TrimLeadingZeros(exponent) });
            return new CognitoSigningKey(kid, rsa, fingerprint, null);
        }
        catch (CryptographicException)
        {
            return Unusable(kid, $"The signing key '{safeKid}' is not a valid RSA public key.");
        }
    }

    private static CognitoSigningKey Unusable(string kid, string problem) => new(kid, null, null, problem);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return i == 0 ? value : value[i..];
    }

    private static int BitLength(byte[] value)
    {
        var trimmed = TrimLeadingZeros(value);
        if (trimmed.Length == 0 || (trimmed.Length == 1 && trimmed[0] == 0))
        {
            return 0;
        }

        return ((trimmed.Length - 1) * 8) + (8 - System.Numerics.BitOperations.LeadingZeroCount((uint)trimmed[0]) + 24);
    }
}
