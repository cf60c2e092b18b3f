using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// The cryptographic half of decryption (esdk-format.md §3.5, §4, §5, §6): key derivation, key commitment, header tag,
/// every body tag, the signature; the plaintext leaves only when all of them pass.
/// </summary>
internal static class MessageCrypto
{
    private const int TagLength = 16;
    private const int IvLength = 12;

    private static ReadOnlySpan<byte> FrameString => "AWSKMSEncryptionClient Frame"u8;

    private static ReadOnlySpan<byte> FinalFrameString => "AWSKMSEncryptionClient Final Frame"u8;

    private static ReadOnlySpan<byte> SingleBlockString => "AWSKMSEncryptionClient Single Block"u8;

    private static ReadOnlySpan<byte> DeriveKeyLabel => "DERIVEKEY"u8;

    private static ReadOnlySpan<byte> CommitKeyLabel => "COMMITKEY"u8;

    public static byte[] DecryptAndVerify(ReadOnlySpan<byte> m, ParsedMessage parsed, byte[] dataKey, byte[] authenticateOnly, IReadOnlyCollection<string> authenticateOnlyKeys, byte[]? publicKey)
    {
        var keyLength = dataKey.Length;
        Span<byte> key = stackalloc byte[keyLength];
        try
        {
            DeriveKey(m, parsed, dataKey, key);
            using var aes = new AesGcm(key, TagLength);
            VerifyHeader(m, parsed, aes, authenticateOnly, authenticateOnlyKeys);
            var plaintext = new byte[parsed.PlaintextLength];
            try
            {
                DecryptBody(m, parsed, aes, plaintext);
                if (publicKey is not null)
                {
                    VerifySignature(m, parsed, publicKey);
                }
            }
            catch
            {
                CryptographicOperations.ZeroMemory(plaintext);
                throw;
            }

            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void DeriveKey(ReadOnlySpan<byte> m, ParsedMessage parsed, byte[] dataKey, Span<byte> key)
    {
        var suiteId = m.Slice(parsed.Version == 1 ? 2 : 1, 2);
        var messageId = m.Slice(parsed.MessageIdOffset, parsed.MessageIdLength);
        if (parsed.Version == 2)
        {
            Span<byte> prk = stackalloc byte[64];
            Span<byte> info = stackalloc byte[2 + DeriveKeyLabel.Length];
            Span<byte> commitKey = stackalloc byte[32];
            try
            {
                HKDF.Extract(HashAlgorithmName.SHA512, dataKey, messageId, prk);
                HKDF.Expand(HashAlgorithmName.SHA512, prk, commitKey, CommitKeyLabel);
                if (!CryptographicOperations.FixedTimeEquals(commitKey, m.Slice(parsed.SuiteDataOffset, 32)))
                {
                    throw new EncryptionSdkAuthenticationException(
                        "the key commitment does not match: the data key is not the one this message was encrypted with, or the header was altered");
                }

                suiteId.CopyTo(info);
                DeriveKeyLabel.CopyTo(info[2..]);
                HKDF.Expand(HashAlgorithmName.SHA512, prk, key, info);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(prk);
            }

            return;
        }

        if (AlgorithmSuites.KdfHash(parsed.Suite) is not { } hash)
        {
            dataKey.CopyTo(key);
            return;
        }

        Span<byte> v1Info = stackalloc byte[18];
        suiteId.CopyTo(v1Info);
        messageId.CopyTo(v1Info[2..]);
        HKDF.DeriveKey(hash, dataKey, key, ReadOnlySpan<byte>.Empty, v1Info);
    }

    private static void VerifyHeader(ReadOnlySpan<byte> m, ParsedMessage parsed, AesGcm aes, byte[] authenticateOnly, IReadOnlyCollection<string> authenticateOnlyKeys)
    {
        ReadOnlySpan<byte> zeroIv = stackalloc byte[IvLength];
        var iv = parsed.HeaderIvOffset >= 0 ? m.Slice(parsed.HeaderIvOffset, IvLength) : zeroIv;
        var headerBody = m[..parsed.HeaderBodyLength];
        byte[]? joined = null;
        if (authenticateOnly.Length > 0)
        {
            joined = new byte[headerBody.Length + authenticateOnly.Length];
            headerBody.CopyTo(joined);
            authenticateOnly.CopyTo(joined, headerBody.Length);
        }

        var tag = m.Slice(parsed.HeaderTagOffset, TagLength);
        try
        {
            aes.Decrypt(iv, ReadOnlySpan<byte>.Empty, tag, Span<byte>.Empty, joined ?? headerBody);
        }
        catch (CryptographicException e)
        {
            if (joined is not null && VerifiesWithout(aes, iv, tag, headerBody))
            {
                // Authentic, but not encrypted with the caller's required pairs: say so rather than "altered".
                throw new EncryptionSdkEncryptionContextMismatchException(
                    $"the message's encryption context does not hold the required {string.Join(", ", authenticateOnlyKeys)}: the message is authentic but was not encrypted with {(authenticateOnlyKeys.Count == 1 ? "it" : "them")}",
                    e);
            }

            throw new EncryptionSdkAuthenticationException(
                "the header authentication tag does not verify: the header was altered, the data key is wrong, or the required encryption context differs", e);
        }
    }

    private static bool VerifiesWithout(AesGcm aes, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> headerBody)
    {
        try
        {
            aes.Decrypt(iv, ReadOnlySpan<byte>.Empty, tag, Span<byte>.Empty, headerBody);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void DecryptBody(ReadOnlySpan<byte> m, ParsedMessage parsed, AesGcm aes, byte[] plaintext)
    {
        var messageId = m.Slice(parsed.MessageIdOffset, parsed.MessageIdLength);
        Span<byte> aad = stackalloc byte[32 + SingleBlockString.Length + 12];
        messageId.CopyTo(aad);
        var offset = 0;
        foreach (var part in parsed.Parts)
        {
            var label = !parsed.Framed ? SingleBlockString : part.IsFinal ? FinalFrameString : FrameString;
            label.CopyTo(aad[messageId.Length..]);
            var tail = messageId.Length + label.Length;
            BinaryPrimitives.WriteUInt32BigEndian(aad[tail..], part.SequenceNumber);
            BinaryPrimitives.WriteUInt64BigEndian(aad[(tail + 4)..], (ulong)part.Length);
            try
            {
                aes.Decrypt(
                    m.Slice(part.IvOffset, IvLength),
                    m.Slice(part.CiphertextOffset, part.Length),
                    m.Slice(part.TagOffset, TagLength),
                    plaintext.AsSpan(offset, part.Length),
                    aad[..(tail + 12)]);
            }
            catch (CryptographicException e)
            {
                throw new EncryptionSdkAuthenticationException(
                    parsed.Framed
                        ? $"the authentication tag of {(part.IsFinal ? "the final frame" : "frame")} {part.SequenceNumber} does not verify: the body was altered"
                        : "the authentication tag of the non-framed body does not verify: the body was altered",
                    e);
            }

            offset += part.Length;
        }
    }

    private static void VerifySignature(ReadOnlySpan<byte> m, ParsedMessage parsed, byte[] publicKey)
    {
        var hash = publicKey.Length == 33 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
        bool valid;
        try
        {
            using var ecdsa = EcPublicKey.Import(publicKey);
            valid = ecdsa.VerifyData(
                m[..parsed.BodyEnd],
                m.Slice(parsed.SignatureOffset, parsed.SignatureLength),
                hash,
                DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException e)
        {
            throw new EncryptionSdkAuthenticationException("the message signature could not be verified: the public key or the signature is malformed", e);
        }

        if (!valid)
        {
            throw new EncryptionSdkAuthenticationException("the message signature does not verify: the message was altered or signed by another key");
        }
    }
}
