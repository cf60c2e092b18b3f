namespace Exanubes.EncryptionSdk;

/// <summary>
/// What a <see cref="IKeyring"/> gets to find the data key of one message: its algorithm suite, its encrypted data keys in
/// header order, and the full encryption context (the header's pairs plus any the caller required that the header does
/// not store).
/// </summary>
public sealed class KeyringDecryptionRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="algorithmSuite">The message's algorithm suite.</param>
    /// <param name="encryptedDataKeys">The message's encrypted data keys, in header order.</param>
    /// <param name="encryptionContext">The full encryption context.</param>
    /// <exception cref="ArgumentNullException">A list or dictionary is null.</exception>
    public KeyringDecryptionRequest(
        AlgorithmSuiteId algorithmSuite,
        IReadOnlyList<EncryptedDataKey> encryptedDataKeys,
        IReadOnlyDictionary<string, string> encryptionContext)
    {
        ArgumentNullException.ThrowIfNull(encryptedDataKeys);
        ArgumentNullException.ThrowIfNull(encryptionContext);
        AlgorithmSuite = algorithmSuite;
        EncryptedDataKeys = encryptedDataKeys;
        EncryptionContext = encryptionContext;
    }

    /// <summary>The message's algorithm suite.</summary>
    public AlgorithmSuiteId AlgorithmSuite { get; }

    /// <summary>The length in bytes the returned data key must have for <see cref="AlgorithmSuite"/> (16, 24 or 32).</summary>
    public int DataKeyLength => AlgorithmSuites.DataKeyLength(AlgorithmSuite);

    /// <summary>The message's encrypted data keys, in header order.</summary>
    public IReadOnlyList<EncryptedDataKey> EncryptedDataKeys { get; }

    /// <summary>The full encryption context: the header's pairs plus any pairs the caller required that the header does not store.</summary>
    public IReadOnlyDictionary<string, string> EncryptionContext { get; }
}
