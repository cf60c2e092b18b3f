using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.EncryptionSdk.Tests.Decryption;

/// <summary>Every vector in ../shared/esdk-vectors/index.json, one case each: ok ones decrypt exactly, fail ones are refused.</summary>
public sealed class EncryptionSdkConformanceTests
{
    public static TheoryData<string> VectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in EsdkVectors.All.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Index_HasEveryVector()
    {
        var all = EsdkVectors.All.Values.ToList();
        Assert.Equal(492, all.Count);
        Assert.Equal(435, all.Count(EsdkVectors.ExpectOk));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public async Task DecryptAsync_Vector_GivesExpectedOutcome(string id)
    {
        var vector = EsdkVectors.Get(id);
        var decryptor = new EncryptionSdkDecryptor(EsdkVectors.Keyring(vector));
        var message = EsdkVectors.Ciphertext(vector);
        var context = EsdkVectors.ReproducedContext(vector);

        if (EsdkVectors.ExpectOk(vector))
        {
            var result = await decryptor.DecryptAsync(message, context);
            Assert.Equal(EsdkVectors.Plaintext(vector), result.Plaintext);
            Assert.Equal(Convert.ToInt32(vector.GetProperty("suite").GetString(), 16), (int)result.AlgorithmSuite);
            Assert.Equal(vector.GetProperty("message-version").GetInt32(), result.MessageVersion);
        }
        else
        {
            DecryptedMessage? result = null;
            var error = await Assert.ThrowsAnyAsync<EncryptionSdkException>(async () => result = await decryptor.DecryptAsync(message, context));
            Assert.Null(result);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }
}
