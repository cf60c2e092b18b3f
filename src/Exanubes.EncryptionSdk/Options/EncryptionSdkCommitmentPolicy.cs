namespace Exanubes.EncryptionSdk;

/// <summary>
/// Which algorithm suites the decryptor accepts with respect to key commitment, as in the AWS Encryption SDK's
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/migrate-commitment-policy.html">commitment policy</see>.
/// </summary>
public enum EncryptionSdkCommitmentPolicy
{
    /// <summary>
    /// Decrypts committing and non-committing suites (the default). Cognito encrypts codes with the non-committing
    /// suite 0x0378, so a Custom Email Sender needs this policy.
    /// </summary>
    RequireEncryptAllowDecrypt = 0,

    /// <summary>Decrypts only the key-committing suites 0x0478 and 0x0578 (message format version 2).</summary>
    RequireEncryptRequireDecrypt = 1,
}
