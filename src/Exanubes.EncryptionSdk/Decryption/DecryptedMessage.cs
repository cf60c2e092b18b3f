namespace Exanubes.EncryptionSdk;

/// <summary>
/// The result of decrypting an AWS Encryption SDK message: the plaintext (for Cognito, the one-time code) and the
/// authenticated encryption context. Only produced after every check, including the signature, has passed.
/// </summary>
/// <remarks>The plaintext is secret: do not log it; zero it with <c>CryptographicOperations.ZeroMemory</c> when done.</remarks>
public sealed class DecryptedMessage
{
    internal DecryptedMessage(byte[] plaintext, IReadOnlyDictionary<string, string> encryptionContext, AlgorithmSuiteId algorithmSuite, int messageVersion)
    {
        Plaintext = plaintext;
        EncryptionContext = encryptionContext;
        AlgorithmSuite = algorithmSuite;
        MessageVersion = messageVersion;
    }

    /// <summary>The decrypted bytes (for a Cognito code, its UTF-8 digits).</summary>
#pragma warning disable CA1819 // The plaintext is handed over to the caller, who owns and zeroes it.
    public byte[] Plaintext { get; }
#pragma warning restore CA1819

    /// <summary>The authenticated encryption context stored in the header, for Cognito <c>userpool-id</c> and <c>aws-crypto-public-key</c>.</summary>
    public IReadOnlyDictionary<string, string> EncryptionContext { get; }

    /// <summary>The message's algorithm suite (Cognito: 0x0378).</summary>
    public AlgorithmSuiteId AlgorithmSuite { get; }

    /// <summary>The message format version: 1 or 2.</summary>
    public int MessageVersion { get; }
}
