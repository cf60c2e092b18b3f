using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>Builds Cognito-shaped tokens signed with real keys; every part can be altered.</summary>
internal static class TestTokens
{
    public const string PoolId = "eu-west-1_TestPool1";
    public const string OtherPoolId = "eu-west-1_OtherPool";
    public const string ClientId = "client-a";
    public const string OtherClientId = "client-other";
    public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/" + PoolId;
    public const string UpdatedIssuer = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + PoolId;
    public const string OtherIssuer = "https://cognito-idp.eu-west-1.amazonaws.com/" + OtherPoolId;
    public const string Subject = "8c1f7a2e-1b3d-4e5f-9a6b-0c1d2e3f4a5b";
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    public static Dictionary<string, object?> Header(string kid = "key-1", string alg = "RS256") => new() { ["kid"] = kid, ["alg"] = alg };

    public static Dictionary<string, object?> AccessPayload(DateTimeOffset? now = null)
    {
        var t = (now ?? Now).ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["sub"] = Subject,
            ["cognito:groups"] = new[] { "admin", "staff" },
            ["iss"] = Issuer,
            ["client_id"] = ClientId,
            ["origin_jti"] = "0f5b3e1c-2d4a-4b6c-8e9f-a1b2c3d4e5f6",
            ["event_id"] = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
            ["token_use"] = "access",
            ["scope"] = "aws.cognito.signin.user.admin orders/read",
            ["auth_time"] = t - 60,
            ["exp"] = t + 3600,
            ["iat"] = t - 60,
            ["jti"] = "d4c3b2a1-0f9e-4d8c-b7a6-958473625140",
            ["username"] = "alice",
        };
    }

    public static Dictionary<string, object?> IdPayload(DateTimeOffset? now = null)
    {
        var t = (now ?? Now).ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["sub"] = Subject,
            ["cognito:groups"] = new[] { "admin" },
            ["email_verified"] = true,
            ["iss"] = Issuer,
            ["cognito:username"] = "alice",
            ["origin_jti"] = "0f5b3e1c-2d4a-4b6c-8e9f-a1b2c3d4e5f6",
            ["aud"] = ClientId,
            ["event_id"] = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
            ["token_use"] = "id",
            ["auth_time"] = t - 60,
            ["exp"] = t + 3600,
            ["iat"] = t - 60,
            ["jti"] = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
            ["email"] = "alice@example.com",
            ["custom:tier"] = "gold",
        };
    }

    public static Dictionary<string, object?> With(this Dictionary<string, object?> claims, string name, object? value)
    {
        var copy = new Dictionary<string, object?>(claims) { [name] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> claims, string name)
    {
        var copy = new Dictionary<string, object?>(claims);
        copy.Remove(name);
        return copy;
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string Sign(object header, object payload, RSA? key = null) =>
        SignRaw(Json(header), Json(payload), key ?? TestKeys.Key1);

    public static string SignRaw(string headerJson, string payloadJson, RSA key) =>
        SignRaw(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), key);

    /// <summary>Signs header and payload bytes as given, so they can be what no string encodes (invalid UTF-8).</summary>
    public static string SignRaw(byte[] headerJson, byte[] payloadJson, RSA key)
    {
        var input = Base64Url.EncodeToString(headerJson) + "." + Base64Url.EncodeToString(payloadJson);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string Access(RSA? key = null, string kid = "key-1") => Sign(Header(kid), AccessPayload(), key);

    public static string Id() => Sign(Header(), IdPayload());

    /// <summary>HS256 "signed" with the RSA public key's bytes: the classic algorithm-confusion forgery.</summary>
    public static string Hs256WithPublicKey()
    {
        var input = Encode(Json(Header(alg: "HS256"))) + "." + Encode(Json(AccessPayload()));
        var secret = Encoding.ASCII.GetBytes(TestKeys.Key1.ExportSubjectPublicKeyInfoPem());
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>The UTF-8 of <paramref name="json"/> with <paramref name="marker"/> replaced by the lone byte 0xFF, never valid UTF-8.</summary>
    public static byte[] Utf8WithByteFF(string json, string marker)
    {
        var i = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..i]), 0xFF, .. Encoding.UTF8.GetBytes(json[(i + marker.Length)..])];
    }

    public static string Time(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
