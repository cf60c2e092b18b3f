using System.Security.Cryptography;
using System.Text.Json;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.EncryptionSdk.Tests.Keyrings;

public sealed class RawKeyringTests
{
    private static (JsonElement Vector, JsonElement Keyring) First(string type, string? padding = null) =>
        EsdkVectors.All.Values
            .Where(v => EsdkVectors.ExpectOk(v) && v.GetProperty("keyrings").GetArrayLength() == 1)
            .Select(v => (Vector: v, Keyring: v.GetProperty("keyrings")[0]))
            .First(x => x.Keyring.GetProperty("type").GetString() == type
                && (padding is null || x.Keyring.GetProperty("padding").GetString() == padding)
                && (type != "raw-rsa" || x.Keyring.GetProperty("private-key-pem").ValueKind != JsonValueKind.Null));

    [Fact]
    public async Task RawAes_WrongWrappingKey_ThrowsAuthentication()
    {
        var (vector, k) = First("raw-aes");
        var keyring = new RawAesKeyring(k.GetProperty("key-namespace").GetString()!, k.GetProperty("key-name").GetString()!, new byte[Convert.FromBase64String(k.GetProperty("wrapping-key-b64").GetString()!).Length]);

        var error = await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() =>
            new EncryptionSdkDecryptor(keyring).DecryptAsync(EsdkVectors.Ciphertext(vector), EsdkVectors.ReproducedContext(vector)));

        Assert.Contains("raw AES keyring", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other-namespace", null)]
    [InlineData(null, "other-name")]
    public async Task RawAes_OtherNamespaceOrName_FindsNoDataKey(string? keyNamespace, string? keyName)
    {
        var (vector, k) = First("raw-aes");
        var keyring = new RawAesKeyring(
            keyNamespace ?? k.GetProperty("key-namespace").GetString()!,
            keyName ?? k.GetProperty("key-name").GetString()!,
            Convert.FromBase64String(k.GetProperty("wrapping-key-b64").GetString()!));

        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() =>
            new EncryptionSdkDecryptor(keyring).DecryptAsync(EsdkVectors.Ciphertext(vector), EsdkVectors.ReproducedContext(vector)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(33)]
    public void RawAes_WrongKeyLength_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => new RawAesKeyring("ns", "name", new byte[length]));
    }

    [Fact]
    public async Task RawRsa_WrongPadding_ThrowsAuthentication()
    {
        var (vector, k) = First("raw-rsa", "pkcs1");
        using var rsa = RSA.Create();
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(EsdkVectors.Folder, k.GetProperty("private-key-pem").GetProperty("file").GetString()!))))
        {
            rsa.ImportFromPem(doc.RootElement.GetProperty("keys").GetProperty(k.GetProperty("private-key-pem").GetProperty("key").GetString()!).GetProperty("material").GetString());
        }

        var right = new RawRsaKeyring(k.GetProperty("key-namespace").GetString()!, k.GetProperty("key-name").GetString()!, rsa, RawRsaPadding.Pkcs1);
        var wrong = new RawRsaKeyring(k.GetProperty("key-namespace").GetString()!, k.GetProperty("key-name").GetString()!, rsa, RawRsaPadding.OaepSha256);
        var message = EsdkVectors.Ciphertext(vector);

        Assert.Equal(EsdkVectors.Plaintext(vector), (await new EncryptionSdkDecryptor(right).DecryptAsync(message, EsdkVectors.ReproducedContext(vector))).Plaintext);
        await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() => new EncryptionSdkDecryptor(wrong).DecryptAsync(message, EsdkVectors.ReproducedContext(vector)));
    }

    [Fact]
    public void RawRsa_UnknownPadding_Throws()
    {
        using var rsa = RSA.Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => new RawRsaKeyring("ns", "name", rsa, (RawRsaPadding)99));
    }
}
