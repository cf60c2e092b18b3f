namespace Exanubes.EncryptionSdk;

/// <summary>
/// Policy and limits for <see cref="EncryptionSdkDecryptor"/>. The defaults decrypt what Cognito sends (one encrypted
/// data key, a few hundred bytes) and refuse anything much larger before doing any cryptography.
/// </summary>
public sealed class EncryptionSdkDecryptorOptions
{
    /// <summary>
    /// Which suites are accepted with respect to key commitment. Default:
    /// <see cref="EncryptionSdkCommitmentPolicy.RequireEncryptAllowDecrypt"/>, which Cognito's 0x0378 messages need.
    /// </summary>
    public EncryptionSdkCommitmentPolicy CommitmentPolicy { get; set; } = EncryptionSdkCommitmentPolicy.RequireEncryptAllowDecrypt;

    /// <summary>
    /// The only algorithm suites accepted, checked before any keyring call; <see langword="null"/> (the default) accepts every
    /// suite the <see cref="CommitmentPolicy"/> allows. A Custom Email Sender can narrow it to the signed suites Cognito and
    /// cognito-local write (<see cref="AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384"/>,
    /// <see cref="AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384"/>): the unsigned suites add nothing there.
    /// </summary>
    public IReadOnlyCollection<AlgorithmSuiteId>? AllowedAlgorithmSuites { get; set; }

    /// <summary>
    /// The most encrypted data keys a message header may list; checked while parsing, before any keyring call, so a
    /// hostile message cannot make the function call KMS many times. Default: 10 (Cognito writes 1). Must be at least 1.
    /// </summary>
    public int MaxEncryptedDataKeys { get; set; } = 10;

    /// <summary>The largest message accepted, in bytes. Default: 1 MiB (a Cognito code message is under 1 KiB).</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>The largest frame length a framed message may declare, in bytes. Default: 1 MiB (writers use 4096).</summary>
    public int MaxFrameLength { get; set; } = 1024 * 1024;

    internal void Validate()
    {
        if (!Enum.IsDefined(CommitmentPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(CommitmentPolicy), CommitmentPolicy, $"{nameof(EncryptionSdkDecryptorOptions)}.{nameof(CommitmentPolicy)} is not a known policy.");
        }

        if (AllowedAlgorithmSuites is { Count: 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(AllowedAlgorithmSuites), $"{nameof(EncryptionSdkDecryptorOptions)}.{nameof(AllowedAlgorithmSuites)} is empty: leave it null to accept every suite the commitment policy allows.");
        }

        if (MaxEncryptedDataKeys < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEncryptedDataKeys), MaxEncryptedDataKeys, $"{nameof(EncryptionSdkDecryptorOptions)}.{nameof(MaxEncryptedDataKeys)} must be at least 1.");
        }

        if (MaxMessageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), MaxMessageSize, $"{nameof(EncryptionSdkDecryptorOptions)}.{nameof(MaxMessageSize)} must be positive.");
        }

        if (MaxFrameLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrameLength), MaxFrameLength, $"{nameof(EncryptionSdkDecryptorOptions)}.{nameof(MaxFrameLength)} must be positive.");
        }
    }
}
