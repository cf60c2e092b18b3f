using System.Security.Cryptography;

namespace Exanubes.Cognito.Tokens;

/// <summary>One JWK of a pool's JWKS: an RSA verification key, or the reason it cannot be used.</summary>
internal sealed class CognitoSigningKey
{
    public CognitoSigningKey(string keyId, RSA? rsa, string? modulus, string? problem)
    {
        KeyId = keyId;
        Rsa = rsa;
        Modulus = modulus;
        Problem = problem;
    }

    public string KeyId { get; }

    /// <summary>The public key, imported once and reused for every verification; <see langword="null"/> when <see cref="Problem"/> is set.</summary>
    public RSA? Rsa { get; }

    /// <summary>The base64url modulus and exponent, to reuse the imported key when a refresh returns the same JWK.</summary>
    public string? Modulus { get; }

    /// <summary>Why the JWK cannot verify RS256 (wrong kty, alg or use, too short); <see langword="null"/> when usable.</summary>
    public string? Problem { get; }
}
