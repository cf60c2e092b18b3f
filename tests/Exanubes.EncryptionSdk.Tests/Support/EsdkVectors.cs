using System.Security.Cryptography;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Exanubes.Cognito.TestSupport;
using Moq;

namespace Exanubes.EncryptionSdk.Tests.Support;

/// <summary>The shared ESDK vectors (../shared/esdk-vectors/index.json), read in place, with the keyrings each one names.</summary>
internal static class EsdkVectors
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Index = new(Load);

    public static string Folder => Path.Combine(RepoPaths.Shared, "esdk-vectors");

    public static IReadOnlyDictionary<string, JsonElement> All => Index.Value;

    public static JsonElement Get(string key) => All[key];

    public static byte[] Ciphertext(JsonElement v) => File.ReadAllBytes(Path.Combine(Folder, v.GetProperty("ciphertext").GetString()!));

    public static byte[]? Plaintext(JsonElement v) =>
        v.GetProperty("plaintext").ValueKind == JsonValueKind.Null ? null : File.ReadAllBytes(Path.Combine(Folder, v.GetProperty("plaintext").GetString()!));

    public static bool ExpectOk(JsonElement v) => v.GetProperty("expect").GetString() == "ok";

    public static Dictionary<string, string>? ReproducedContext(JsonElement v) =>
        v.TryGetProperty("reproduced-encryption-context", out var ec) && ec.ValueKind == JsonValueKind.Object
            ? ec.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : null;

    public static IKeyring Keyring(JsonElement v)
    {
        var keyrings = new List<IKeyring>();
        foreach (var k in v.GetProperty("keyrings").EnumerateArray())
        {
            var ns = k.TryGetProperty("key-namespace", out var n) ? n.GetString()! : string.Empty;
            var name = k.TryGetProperty("key-name", out var kn) ? kn.GetString()! : string.Empty;
            switch (k.GetProperty("type").GetString())
            {
                case "raw-aes":
                    keyrings.Add(new RawAesKeyring(ns, name, Convert.FromBase64String(k.GetProperty("wrapping-key-b64").GetString()!)));
                    break;
                case "raw-rsa":
                    var pem = k.GetProperty("private-key-pem");
                    if (pem.ValueKind == JsonValueKind.Null)
                    {
                        break; // an encrypt-only public key: it cannot unwrap anything (README)
                    }

                    var rsa = RSA.Create();
                    rsa.ImportFromPem(PrivateKeyPem(pem.GetProperty("file").GetString()!, pem.GetProperty("key").GetString()!));
                    keyrings.Add(new RawRsaKeyring(ns, name, rsa, k.GetProperty("padding").GetString() switch
                    {
                        "pkcs1" => RawRsaPadding.Pkcs1,
                        "oaep-mgf1-sha1" => RawRsaPadding.OaepSha1,
                        "oaep-mgf1-sha256" => RawRsaPadding.OaepSha256,
                        "oaep-mgf1-sha384" => RawRsaPadding.OaepSha384,
                        "oaep-mgf1-sha512" => RawRsaPadding.OaepSha512,
                        var other => throw new InvalidOperationException($"unknown padding {other}"),
                    }));
                    break;
                case "static-data-key":
                    keyrings.Add(new StaticKeyring(Convert.FromHexString(k.GetProperty("data-key-hex").GetString()!)));
                    break;
                case "fake-kms":
                    var arn = k.GetProperty("key-arn").GetString()!;
                    keyrings.Add(new KmsKeyring(FakeKms.Create(arn).Object, [arn]));
                    break;
                default:
                    throw new InvalidOperationException($"unknown keyring type in {v.GetProperty("id")}");
            }
        }

        return keyrings.Count == 1 ? keyrings[0] : new MultiKeyring(keyrings);
    }

    private static string PrivateKeyPem(string file, string key)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return doc.RootElement.GetProperty("keys").GetProperty(key).GetProperty("material").GetString()!;
    }

    private static IReadOnlyDictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(Folder, "index.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the ESDK vectors are missing: expected {path} (../shared/esdk-vectors beside the repository)", path);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            result.Add($"{v.GetProperty("set").GetString()}/{v.GetProperty("id").GetString()}", v.Clone());
        }

        return result;
    }
}

/// <summary>Returns a fixed data key (the vectors' static-data-key entries).</summary>
internal sealed class StaticKeyring(byte[] dataKey) : IKeyring
{
    public Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<byte[]?>((byte[])dataKey.Clone());
}

/// <summary>Tries keyrings in order (the vectors' multi-keyrings); first data key wins.</summary>
internal sealed class MultiKeyring(IReadOnlyList<IKeyring> keyrings) : IKeyring
{
    public async Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken)
    {
        EncryptionSdkException? first = null;
        foreach (var keyring in keyrings)
        {
            try
            {
                if (await keyring.DecryptDataKeyAsync(request, cancellationToken) is { } key)
                {
                    return key;
                }
            }
            catch (EncryptionSdkException e)
            {
                first ??= e;
            }
        }

        return first is null ? null : throw first;
    }
}

/// <summary>A fake KMS for the vectors' fake-kms blobs: <c>FAKEKMS1 ‖ (data key XOR 0x5A)</c>.</summary>
internal static class FakeKms
{
    public static readonly byte[] Prefix = "FAKEKMS1"u8.ToArray();

    public static byte[] Blob(byte[] dataKey) => [.. Prefix, .. dataKey.Select(b => (byte)(b ^ 0x5A))];

    public static byte[] Open(byte[] blob)
    {
        if (blob.Length < Prefix.Length || !blob.AsSpan(0, Prefix.Length).SequenceEqual(Prefix))
        {
            throw new InvalidCiphertextException("not a fake KMS blob");
        }

        return blob.Skip(Prefix.Length).Select(b => (byte)(b ^ 0x5A)).ToArray();
    }

    public static Mock<IAmazonKeyManagementService> Create(string arn, List<DecryptRequest>? calls = null)
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .Returns((DecryptRequest r, CancellationToken _) =>
            {
                calls?.Add(r);
                if (r.KeyId != arn)
                {
                    throw new NotFoundException($"fake KMS knows only {arn}");
                }

                return Task.FromResult(new DecryptResponse { KeyId = arn, Plaintext = new MemoryStream(Open(r.CiphertextBlob.ToArray())) });
            });
        return kms;
    }
}
