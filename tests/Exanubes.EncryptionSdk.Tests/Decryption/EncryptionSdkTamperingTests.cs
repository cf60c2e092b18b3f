using System.Buffers.Binary;
using CsCheck;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.EncryptionSdk.Tests.Decryption;

/// <summary>Every bit flip and truncation of Cognito-shaped messages is refused; random mutations only raise our exceptions.</summary>
public sealed class EncryptionSdkTamperingTests
{
    private static readonly string[] FuzzBases =
    [
        EncryptionSdkDecryptorTests.RawAes0378,
        EncryptionSdkDecryptorTests.RawAes0578,
        "generated-js-client-node/js-030-raw-aes-0378-fl1-one-byte",
        "generated-js-client-node/js-015-raw-aes-0178-fl1000-bytes-10000",
        "generated-nonframed/nonframed-0578-cognito-code",
        "generated-nonframed/nonframed-0214-cognito-code",
        EncryptionSdkDecryptorTests.Cognito0378,
    ];

    [Theory]
    [InlineData(EncryptionSdkDecryptorTests.Cognito0378)]
    [InlineData(EncryptionSdkDecryptorTests.Cognito0578)]
    public async Task DecryptAsync_EverySingleBitFlip_IsRejected(string id)
    {
        var vector = EsdkVectors.Get(id);
        var keyring = new RecordingKeyring(EsdkVectors.Keyring(vector));
        var decryptor = new EncryptionSdkDecryptor(keyring);
        var original = EsdkVectors.Ciphertext(vector);
        var plaintext = EsdkVectors.Plaintext(vector)!;
        Assert.Equal(plaintext, (await decryptor.DecryptAsync(original)).Plaintext);
        string[] secrets = [System.Text.Encoding.UTF8.GetString(plaintext), Convert.ToHexString(keyring.LastKey!), Convert.ToBase64String(keyring.LastKey!)];

        var accepted = new List<int>();
        var leaks = new List<string>();
        for (var bit = 0; bit < original.Length * 8; bit++)
        {
            var tampered = (byte[])original.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            try
            {
                await decryptor.DecryptAsync(tampered);
                accepted.Add(bit);
            }
            catch (EncryptionSdkException e)
            {
                for (Exception? x = e; x is not null; x = x.InnerException)
                {
                    leaks.AddRange(secrets.Where(secret => x.Message.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(_ => $"bit {bit}: {x.Message}"));
                }
            }
        }

        Assert.Empty(accepted);
        Assert.Empty(leaks);
    }

    [Theory]
    [InlineData(EncryptionSdkDecryptorTests.Cognito0378)]
    [InlineData(EncryptionSdkDecryptorTests.Cognito0578)]
    [InlineData("generated-nonframed/nonframed-0378-cognito-code")]
    public async Task DecryptAsync_EveryTruncation_IsRejected(string id)
    {
        var vector = EsdkVectors.Get(id);
        var decryptor = new EncryptionSdkDecryptor(EsdkVectors.Keyring(vector));
        var original = EsdkVectors.Ciphertext(vector);

        for (var length = 0; length < original.Length; length++)
        {
            await Assert.ThrowsAnyAsync<EncryptionSdkException>(() => decryptor.DecryptAsync(original.AsMemory(0, length)));
        }
    }

    [Fact]
    public void DecryptAsync_RandomMutations_ThrowOnlyEncryptionSdkExceptions()
    {
        var bases = FuzzBases.Select(id => EsdkVectors.Get(id)).Select(v => (Message: EsdkVectors.Ciphertext(v), Decryptor: new EncryptionSdkDecryptor(EsdkVectors.Keyring(v)))).ToArray();
        var gen = Gen.Select(Gen.Int[0, bases.Length - 1], Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.UInt, Gen.Byte.Array[0, 40]);

        gen.Sample(
            (which, kind, position, value, bytes) =>
            {
                var (original, decryptor) = bases[which];
                var mutated = Mutate(original, kind, position, value, bytes);
                try
                {
                    decryptor.DecryptAsync(mutated).GetAwaiter().GetResult();
                    Assert.True(mutated.AsSpan().SequenceEqual(original), "a mutated message decrypted");
                }
                catch (EncryptionSdkException)
                {
                    // refused with our typed exception: the only acceptable failure
                }
            },
            iter: 20_000,
            threads: 1);
    }

    [Fact]
    public void DecryptAsync_RandomBytes_ThrowOnlyEncryptionSdkExceptions()
    {
        var decryptor = new EncryptionSdkDecryptor(new StaticKeyring(new byte[32]));
        var gen = Gen.Select(Gen.Int[0, 2], Gen.UShort, Gen.Byte.Array[0, 700]);

        gen.Sample(
            (prefix, suite, bytes) =>
            {
                // Give most inputs a plausible start so the parser gets past the first bytes.
                if (bytes.Length >= 4 && prefix == 1)
                {
                    bytes[0] = 1;
                    bytes[1] = 0x80;
                    BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)(suite % 2 == 0 ? 0x0378 : 0x0178));
                }
                else if (bytes.Length >= 4 && prefix == 2)
                {
                    bytes[0] = 2;
                    BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), (ushort)(suite % 2 == 0 ? 0x0578 : 0x0478));
                }

                Assert.ThrowsAny<EncryptionSdkException>(() => decryptor.DecryptAsync(bytes).GetAwaiter().GetResult());
            },
            iter: 30_000,
            threads: 1);
    }

    private static byte[] Mutate(byte[] original, int kind, int position, uint value, byte[] bytes)
    {
        var list = original.ToList();
        var at = position % (original.Length + 1);
        switch (kind)
        {
            case 0: // change one byte
                if (at < list.Count)
                {
                    list[at] ^= (byte)(value | 1);
                }

                break;
            case 1: // truncate
                list.RemoveRange(at, list.Count - at);
                break;
            case 2: // insert bytes
                list.InsertRange(at, bytes);
                break;
            case 3: // delete a range
                list.RemoveRange(at, Math.Min(list.Count - at, bytes.Length + 1));
                break;
            case 4: // overwrite a 16-bit field (a length or count)
                if (at + 2 <= list.Count)
                {
                    list[at] = (byte)(value >> 8);
                    list[at + 1] = (byte)value;
                }

                break;
            case 5: // overwrite a 32-bit field (frame length, sequence number, content length)
                if (at + 4 <= list.Count)
                {
                    for (var i = 0; i < 4; i++)
                    {
                        list[at + i] = (byte)(value >> (24 - (8 * i)));
                    }
                }

                break;
            default: // overwrite a run of bytes
                for (var i = 0; i < bytes.Length && at + i < list.Count; i++)
                {
                    list[at + i] = bytes[i];
                }

                break;
        }

        return [.. list];
    }

    private sealed class RecordingKeyring(IKeyring inner) : IKeyring
    {
        public byte[]? LastKey { get; private set; }

        public async Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken)
        {
            var key = await inner.DecryptDataKeyAsync(request, cancellationToken);
            LastKey = key is null ? null : (byte[])key.Clone();
            return key;
        }
    }
}
