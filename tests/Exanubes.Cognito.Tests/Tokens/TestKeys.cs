using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>Real RSA keys generated once per test run, and JWKS documents built from them.</summary>
internal static class TestKeys
{
    public static readonly RSA Key1 = RSA.Create(2048);
    public static readonly RSA Key2 = RSA.Create(2048);
    public static readonly RSA OtherPoolKey = RSA.Create(2048);
    public static readonly RSA ShortKey = RSA.Create(1024);
    public static readonly ECDsa EcKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static Dictionary<string, object?> RsaJwk(string kid, RSA key, string? alg = "RS256", string? use = "sig")
    {
        var p = key.ExportParameters(false);
        var jwk = new Dictionary<string, object?>
        {
            ["kid"] = kid,
            ["kty"] = "RSA",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["n"] = Base64Url.EncodeToString(p.Modulus),
        };
        if (alg is not null)
        {
            jwk["alg"] = alg;
        }

        if (use is not null)
        {
            jwk["use"] = use;
        }

        return jwk;
    }

    public static Dictionary<string, object?> EcJwk(string kid)
    {
        var p = EcKey.ExportParameters(false);
        return new Dictionary<string, object?>
        {
            ["kid"] = kid,
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["alg"] = "ES256",
            ["use"] = "sig",
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
        };
    }

    /// <summary>The test pool's JWKS: key-1, plus keys that must never verify (wrong kty, alg, use, size).</summary>
    public static string PoolJwks(params Dictionary<string, object?>[] extra) => Jwks(
        [RsaJwk("key-1", Key1), EcJwk("ec-1"), RsaJwk("rs512-1", Key2, alg: "RS512"), RsaJwk("enc-1", Key2, use: "enc"), RsaJwk("short-1", ShortKey), .. extra]);

    public static string Jwks(params Dictionary<string, object?>[] keys) => JsonSerializer.Serialize(new Dictionary<string, object?> { ["keys"] = keys });
}
