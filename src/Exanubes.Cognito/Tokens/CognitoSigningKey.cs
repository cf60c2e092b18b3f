using System.Security.Cryptography;

namespace Exanubes.Cognito.Tokens;

/// <summary>One JWK of a pool's JWKS: an RSA verification key, or the reason it cannot be used.</summary>
internal sealed class CognitoSigningKey
{
    public CognitoSigningKey(string keyId, RSA? rsa, string? fingerprint, string? problem)
    {
        KeyId = keyId;
        Rsa = rsa;
        Fingerprint = fingerprint;
        Problem = problem;
    }

    public string KeyId { get; }

    /// <summary>The public key, imported once and reused for every verification; <see langword="null"/> when <see cref="Problem"/> is set.</summary>
    public RSA? Rsa { get; }

    /// <summary>The JWK's base64url <c>n</c> and <c>e</c> joined by '.', to reuse the imported key when a refresh returns the same JWK.</summary>
    public string? Fingerprint { get; }

    /// <summary>Why the JWK cannot verify RS256 (wrong kty, alg or use, too short); <see langword="null"/> when usable.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Set when a JWKS refresh no longer publishes this key (removed, or its <c>kid</c> now names other material).
    /// Cached tokens it verified are then validated afresh, and fail if their <c>kid</c> is gone.
    /// </summary>
    public bool Retired
    {
        get => Volatile.Read(ref _retired);
        set => Volatile.Write(ref _retired, value);
    }

    private bool _retired;
}
