using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// A software passkey authenticator for tests: ES256 (P-256), 'none' attestation, the authenticator data and client
/// data layouts of WebAuthn Level 2 (§6.1, §5.8.1, §6.5.4). It plays <c>navigator.credentials.create/get</c>, taking
/// the options JSON Cognito sends and returning the credential's JSON; the origin can be bent for negative cases.
/// </summary>
internal sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(16);
    private string? _userHandle;
    private uint _counter;

    public string CredentialId => B64u(_credentialId);

    public string Create(string creationOptionsJson, string origin)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = (string)options["rp"]!["id"]!;
        _userHandle = (string?)options["user"]?["id"];
        var p = _key.ExportParameters(false);
        var cose = Cbor.Map((Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)), (Cbor.Int(-2), Cbor.Bytes(p.Q.X!)), (Cbor.Int(-3), Cbor.Bytes(p.Q.Y!)));
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x45, .. Counter(), .. new byte[16], (byte)(_credentialId.Length >> 8), (byte)_credentialId.Length, .. _credentialId, .. cose];
        var attestation = Cbor.Map((Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()), (Cbor.Text("authData"), Cbor.Bytes(authData)));
        return new JsonObject
        {
            ["id"] = CredentialId,
            ["rawId"] = CredentialId,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = B64u(ClientData("webauthn.create", (string)options["challenge"]!, origin)),
                ["attestationObject"] = B64u(attestation),
                ["transports"] = new JsonArray("internal"),
            },
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    public string Get(string requestOptionsJson, string origin)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = (string)options["rpId"]!;
        _counter++;
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x05, .. Counter()];
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, origin);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var response = new JsonObject
        {
            ["clientDataJSON"] = B64u(clientData),
            ["authenticatorData"] = B64u(authData),
            ["signature"] = B64u(signature),
        };
        if (_userHandle is not null)
        {
            response["userHandle"] = _userHandle;
        }

        return new JsonObject
        {
            ["id"] = CredentialId,
            ["rawId"] = CredentialId,
            ["type"] = "public-key",
            ["response"] = response,
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    public void Dispose() => _key.Dispose();

    private static byte[] ClientData(string type, string challenge, string origin)
        => JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

    private byte[] Counter() => [(byte)(_counter >> 24), (byte)(_counter >> 16), (byte)(_counter >> 8), (byte)_counter];

    private static string B64u(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Just enough CBOR (RFC 8949) for a COSE key and an attestation object.</summary>
    private static class Cbor
    {
        public static byte[] Int(int value) => value >= 0 ? Head(0, (uint)value) : Head(1, (uint)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (uint)value.Length), .. value];

        public static byte[] Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return [.. Head(3, (uint)bytes.Length), .. bytes];
        }

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries)
            => [.. Head(5, (uint)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, uint n) => n switch
        {
            < 24 => [(byte)((major << 5) | (int)n)],
            < 256 => [(byte)((major << 5) | 24), (byte)n],
            < 65536 => [(byte)((major << 5) | 25), (byte)(n >> 8), (byte)n],
            _ => [(byte)((major << 5) | 26), (byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n],
        };
    }
}
