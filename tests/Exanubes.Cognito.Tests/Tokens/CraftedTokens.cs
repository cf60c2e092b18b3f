using System.Text;
using Exanubes.Cognito.Tokens;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>One crafted token: what it is, which use it is validated for, and the exact failure expected.</summary>
internal sealed record CraftedToken(string Token, CognitoTokenUse Use, Type Exception, string Message);

/// <summary>
/// The table of crafted tokens, each signed with real keys and broken in exactly one way. The unit tests and the
/// ASP.NET Core pipeline tests run the same table.
/// </summary>
internal static class CraftedTokens
{
    private const string Pool = "eu-west-1_TestPool1";

    /// <summary>The issuers a pool configured by id accepts: both forms.</summary>
    private const string Issuers = $"'{Issuer}', '{UpdatedIssuer}'";

    private static readonly Dictionary<string, Func<CraftedToken>> Cases = new()
    {
        ["alg none"] = () => Fail(
            Encode(Json(Header(alg: "none"))) + "." + Encode(Json(AccessPayload())) + ".",
            typeof(CognitoTokenAlgorithmException),
            "The token's alg 'none' is not allowed; expected 'RS256'."),
        ["HS256 signed with the RSA public key"] = () => Fail(
            Hs256WithPublicKey(),
            typeof(CognitoTokenAlgorithmException),
            "The token's alg 'HS256' is not allowed; expected 'RS256'."),
        ["alg lower case rs256"] = () => Fail(
            Sign(Header(alg: "rs256"), AccessPayload()),
            typeof(CognitoTokenAlgorithmException),
            "The token's alg 'rs256' is not allowed; expected 'RS256'."),
        ["alg missing"] = () => Fail(
            Sign(new Dictionary<string, object?> { ["kid"] = "key-1" }, AccessPayload()),
            typeof(CognitoTokenAlgorithmException),
            "The token header has no 'alg'; expected 'RS256'."),
        ["tampered payload"] = () =>
        {
            var parts = Access().Split('.');
            var forged = parts[0] + "." + Encode(Json(AccessPayload().With("username", "mallory"))) + "." + parts[2];
            return Fail(forged, typeof(CognitoTokenSignatureException), "The token signature does not verify with signing key 'key-1'.");
        },
        ["tampered signature"] = () =>
        {
            var token = Access();
            var i = token.Length - 10;
            var forged = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            return Fail(forged, typeof(CognitoTokenSignatureException), "The token signature does not verify with signing key 'key-1'.");
        },
        ["signature removed"] = () => Fail(
            Access()[..(Access().LastIndexOf('.') + 1)],
            typeof(CognitoTokenSignatureException),
            "The token has no signature."),
        ["signed by another key with our kid"] = () => Fail(
            Access(TestKeys.Key2),
            typeof(CognitoTokenSignatureException),
            "The token signature does not verify with signing key 'key-1'."),
        ["truncated to two parts"] = () => Fail(
            Access()[..Access().LastIndexOf('.')],
            typeof(CognitoTokenMalformedException),
            "The token has 2 parts; a JWS in compact serialization has 3 base64url parts separated by '.'."),
        ["four parts"] = () => Fail(
            Access() + ".AAAA",
            typeof(CognitoTokenMalformedException),
            "The token has 4 parts; a JWS in compact serialization has 3 base64url parts separated by '.'."),
        ["empty payload part"] = () => Fail(
            Encode(Json(Header())) + ".." + "AAAA",
            typeof(CognitoTokenMalformedException),
            "The token's payload part is empty."),
        ["character outside base64url"] = () => Fail(
            "eyJ hbGciOiJSUzI1NiJ9.e30.AAAA",
            typeof(CognitoTokenMalformedException),
            "The token has a character other than base64url and '.' at position 3."),
        ["header not JSON"] = () => Fail(
            Encode("not json") + "." + Encode(Json(AccessPayload())) + ".AAAA",
            typeof(CognitoTokenMalformedException),
            "The token header is not valid JSON."),
        ["header not base64url"] = () => Fail(
            "A." + Encode(Json(AccessPayload())) + ".AAAA",
            typeof(CognitoTokenMalformedException),
            "The token header is not valid base64url."),
        ["payload not an object"] = () => Fail(
            SignRaw(Json(Header()), "[1,2]", TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token payload is not a JSON object."),
        ["payload with trailing content"] = () => Fail(
            SignRaw(Json(Header()), Json(AccessPayload()) + "{}", TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token payload is not valid JSON."),
        ["header alg not UTF-8"] = () => Fail(
            SignRaw(Utf8WithByteFF(Json(Header(alg: "@")), "@"), Encoding.UTF8.GetBytes(Json(AccessPayload())), TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token header is not valid JSON."),
        ["header kid not UTF-8"] = () => Fail(
            SignRaw(Utf8WithByteFF(Json(Header(kid: "@")), "@"), Encoding.UTF8.GetBytes(Json(AccessPayload())), TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token header is not valid JSON."),
        ["iss not UTF-8"] = () => Fail(
            SignRaw(Encoding.UTF8.GetBytes(Json(Header())), Utf8WithByteFF(Json(AccessPayload().With("iss", "@")), "@"), TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token payload is not valid JSON."),
        ["token_use a lone surrogate"] = () => Fail(
            SignRaw(Json(Header()), Json(AccessPayload().With("token_use", "@")).Replace("\"@\"", "\"\\ud800\"", StringComparison.Ordinal), TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token payload is not valid JSON."),
        ["claim iss twice"] = () => Fail(
            SignRaw(Json(Header()), "{\"iss\":\"" + Issuer + "\"," + Json(AccessPayload())[1..], TestKeys.Key1),
            typeof(CognitoTokenMalformedException),
            "The token's claim 'iss' appears more than once."),
        ["exp is a string"] = () => Fail(
            Sign(Header(), AccessPayload().With("exp", "4102444800")),
            typeof(CognitoTokenMalformedException),
            "The token's claim 'exp' must be a NumericDate (a JSON number); found a string."),
        ["cognito:groups is a string"] = () => Fail(
            Sign(Header(), AccessPayload().With("cognito:groups", "admin")),
            typeof(CognitoTokenMalformedException),
            "The token's claim 'cognito:groups' must be an array of strings; found a string."),
        ["client_id is a number"] = () => Fail(
            Sign(Header(), AccessPayload().With("client_id", 42)),
            typeof(CognitoTokenMalformedException),
            "The token's claim 'client_id' must be a string; found a number."),
        ["critical header"] = () => Fail(
            Sign(Header().With("crit", new[] { "exp" }), AccessPayload()),
            typeof(CognitoTokenMalformedException),
            "The token header has a 'crit' parameter; no critical extensions are supported."),
        ["oversized token"] = () =>
        {
            var token = Sign(Header(), AccessPayload().With("padding", new string('x', 17_000)));
            return Fail(token, typeof(CognitoTokenMalformedException), $"The token is {token.Length} characters long; at most 16384 are accepted.");
        },
        ["kid missing"] = () => Fail(
            Sign(new Dictionary<string, object?> { ["alg"] = "RS256" }, AccessPayload()),
            typeof(CognitoSigningKeyNotFoundException),
            $"The token header has no 'kid'; a key of user pool '{Pool}' is required."),
        ["kid unknown"] = () => Fail(
            Access(kid: "unknown-kid"),
            typeof(CognitoSigningKeyNotFoundException),
            $"The signing key 'unknown-kid' is not in the JWKS of user pool '{Pool}'."),
        ["JWK of the wrong type (EC)"] = () => Fail(
            Access(kid: "ec-1"),
            typeof(CognitoSigningKeyException),
            "The signing key 'ec-1' has kty 'EC'; expected 'RSA'."),
        ["JWK with alg RS512"] = () => Fail(
            Access(TestKeys.Key2, kid: "rs512-1"),
            typeof(CognitoSigningKeyException),
            "The signing key 'rs512-1' has alg 'RS512'; expected 'RS256'."),
        ["JWK for encryption"] = () => Fail(
            Access(TestKeys.Key2, kid: "enc-1"),
            typeof(CognitoSigningKeyException),
            "The signing key 'enc-1' has use 'enc'; expected 'sig'."),
        ["JWK of 1024 bits"] = () => Fail(
            Access(TestKeys.ShortKey, kid: "short-1"),
            typeof(CognitoSigningKeyException),
            "The signing key 'short-1' is 1024 bits long; at least 2048 are required."),
        ["other pool's token"] = () => Fail(
            Sign(Header(kid: "other-1"), AccessPayload().With("iss", OtherIssuer), TestKeys.OtherPoolKey),
            typeof(CognitoTokenIssuerException),
            $"The token's issuer '{OtherIssuer}' is not accepted; expected {Issuers}."),
        ["issuer with a trailing slash"] = () => Fail(
            Sign(Header(), AccessPayload().With("iss", Issuer + "/")),
            typeof(CognitoTokenIssuerException),
            $"The token's issuer '{Issuer}/' is not accepted; expected {Issuers}."),
        ["issuer with header injection characters"] = () => Fail(
            Sign(Header(), AccessPayload().With("iss", "https://evil\"\r\nSet-Cookie: x=1")),
            typeof(CognitoTokenIssuerException),
            $"The token's issuer 'https://evil???Set-Cookie: x=1' is not accepted; expected {Issuers}."),
        ["iss missing"] = () => Fail(
            Sign(Header(), AccessPayload().Without("iss")),
            typeof(CognitoTokenIssuerException),
            $"The token has no 'iss' claim; expected {Issuers}."),
        ["id token where access is required"] = () => Fail(
            Id(),
            typeof(CognitoTokenUseException),
            "The token's token_use is 'id'; expected 'access'."),
        ["access token where id is required"] = () => Fail(
            Access(),
            typeof(CognitoTokenUseException),
            "The token's token_use is 'access'; expected 'id'.",
            CognitoTokenUse.Id),
        ["token_use missing"] = () => Fail(
            Sign(Header(), AccessPayload().Without("token_use")),
            typeof(CognitoTokenUseException),
            "The token has no 'token_use' claim; expected 'access'."),
        ["other client's access token"] = () => Fail(
            Sign(Header(), AccessPayload().With("client_id", OtherClientId)),
            typeof(CognitoTokenClientException),
            $"The token's client_id '{OtherClientId}' is not an allowed app client of user pool '{Pool}'; expected '{ClientId}'."),
        ["other client's id token"] = () => Fail(
            Sign(Header(), IdPayload().With("aud", OtherClientId)),
            typeof(CognitoTokenClientException),
            $"The token's aud '{OtherClientId}' is not an allowed app client of user pool '{Pool}'; expected '{ClientId}'.",
            CognitoTokenUse.Id),
        ["client_id missing"] = () => Fail(
            Sign(Header(), AccessPayload().Without("client_id")),
            typeof(CognitoTokenClientException),
            $"The token has no 'client_id' claim; expected '{ClientId}'."),
        ["expired one second beyond the skew"] = () => Fail(
            Sign(Header(), AccessPayload().With("exp", NowSeconds - 61)),
            typeof(CognitoTokenExpiredException),
            $"The token expired at {Time(NowSeconds - 61)}; it is now {Time(NowSeconds)} and the clock skew is 60 s."),
        ["nbf in the future"] = () => Fail(
            Sign(Header(), AccessPayload().With("nbf", NowSeconds + 120)),
            typeof(CognitoTokenNotYetValidException),
            $"The token is not valid before {Time(NowSeconds + 120)} (nbf); it is now {Time(NowSeconds)} and the clock skew is 60 s."),
        ["exp missing"] = () => Fail(
            Sign(Header(), AccessPayload().Without("exp")),
            typeof(CognitoTokenLifetimeException),
            "The token has no 'exp' claim; Cognito tokens always expire."),
        ["iat in the future"] = () => Fail(
            Sign(Header(), AccessPayload().With("iat", NowSeconds + 3600)),
            typeof(CognitoTokenLifetimeException),
            $"The token was issued at {Time(NowSeconds + 3600)} (iat), in the future: it is now {Time(NowSeconds)} and the clock skew is 60 s."),
        ["exp out of range"] = () => Fail(
            Sign(Header(), AccessPayload().With("exp", 1e300)),
            typeof(CognitoTokenMalformedException),
            "The token's claim 'exp' is out of the range of a NumericDate."),
        ["sub missing"] = () => Fail(
            Sign(Header(), AccessPayload().Without("sub")),
            typeof(CognitoTokenMalformedException),
            "The token has no 'sub' claim."),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static IEnumerable<string> AllNames => Cases.Keys;

    public static CraftedToken Get(string name) => Cases[name]();

    private static CraftedToken Fail(string token, Type exception, string message, CognitoTokenUse use = CognitoTokenUse.Access) =>
        new(token, use, exception, message);
}
