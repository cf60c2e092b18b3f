using System.Text;
using System.Text.RegularExpressions;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Exanubes.EncryptionSdk;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Decrypts a custom sender event's <c>request.code</c> for both senders: base64, then the AWS Encryption SDK message
/// under a strict KMS keyring with the configured key ARN, requiring the encryption context <c>userpool-id</c> = the
/// event's <c>userPoolId</c>, and one of the two signed suites Cognito writes (<see cref="CognitoSuites"/>). Each sender
/// supplies its configuration section name (for the messages) and its own public exception type.
/// </summary>
internal sealed partial class CognitoCodeDecryptor
{
    internal const string UserPoolIdContextKey = "userpool-id";

    /// <summary>
    /// The algorithm suites a Cognito code may use: 0x0378 (what Cognito sends) and 0x0578 (its key-committing twin,
    /// which cognito-local writes). The general reader accepts all eleven; a code under an unsigned or a weaker suite
    /// was not written by Cognito, so the adapter refuses it before any KMS call.
    /// </summary>
    internal static readonly IReadOnlyCollection<AlgorithmSuiteId> CognitoSuites =
        [AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384, AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384];

    private readonly EncryptionSdkDecryptor _decryptor;
    private readonly string _keyArn;
    private readonly bool _allowMissingContext;
    private readonly string _section;
    private readonly Func<string, Exception?, Exception> _error;

    /// <param name="kms">The KMS client.</param>
    /// <param name="keyArn">The configured key ARN (already validated).</param>
    /// <param name="allowMissingContext">The local-stack relaxation: accept a code without <c>userpool-id</c>.</param>
    /// <param name="section">The configuration section the messages name, for example <c>EmailSender</c>.</param>
    /// <param name="error">Creates the sender's decryption exception from a message and a cause.</param>
    public CognitoCodeDecryptor(IAmazonKeyManagementService kms, string keyArn, bool allowMissingContext, string section, Func<string, Exception?, Exception> error)
    {
        _keyArn = keyArn;
        _allowMissingContext = allowMissingContext;
        _section = section;
        _error = error;
        _decryptor = new EncryptionSdkDecryptor(new KmsKeyring(kms, [_keyArn]), new EncryptionSdkDecryptorOptions { AllowedAlgorithmSuites = CognitoSuites });
    }

    public async Task<string> DecryptAsync(string code, string userPoolId, CancellationToken cancellationToken)
    {
        var ciphertext = new byte[(code.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(code.Trim(), ciphertext, out var length))
        {
            throw _error(
                $"request.code is not base64 ({code.Length} characters). Cognito sends the code as a base64 AWS Encryption SDK message; was the event edited or truncated?", null);
        }

        DecryptedMessage message;
        try
        {
            var required = new Dictionary<string, string>(1, StringComparer.Ordinal) { [UserPoolIdContextKey] = userPoolId };
            message = await _decryptor.DecryptAsync(ciphertext.AsMemory(0, length), _allowMissingContext ? null : required, cancellationToken).ConfigureAwait(false);
        }
        catch (EncryptionSdkKmsAccessDeniedException ex)
        {
            throw _error(AccessDenied(ex), ex);
        }
        catch (EncryptionSdkEncryptionContextMismatchException ex)
        {
            throw _error(
                $"The code was not encrypted for user pool '{UntrustedText.Safe(userPoolId)}' (its encryption context 'userpool-id' is missing or differs from the event's userPoolId; cognito-local encrypts without it, see {_section}:AllowMissingUserPoolContext): {ex.Message}", ex);
        }
        catch (EncryptionSdkAuthenticationException ex) when (!_allowMissingContext)
        {
            throw _error(
                $"The code failed authentication under {_keyArn} for user pool '{UntrustedText.Safe(userPoolId)}': it was altered, or it was encrypted without the 'userpool-id' encryption context that binds it to the pool (cognito-local does this; on local stacks only, set {_section}:AllowMissingUserPoolContext). {ex.Message}", ex);
        }
        catch (EncryptionSdkNoMatchingDataKeyException ex)
        {
            throw _error(
                $"The code is not encrypted under the configured key {_keyArn} ({_section}:KmsKeyArn). Set it to the key ARN of the user pool's custom sender KMSKeyID: {ex.Message}", ex);
        }
        catch (EncryptionSdkException ex)
        {
            throw _error($"The code could not be decrypted under {_keyArn} for user pool '{UntrustedText.Safe(userPoolId)}': {ex.Message}", ex);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is "AccessDeniedException")
        {
            throw _error(AccessDenied(ex), ex);
        }

        try
        {
            if (_allowMissingContext && message.EncryptionContext.TryGetValue(UserPoolIdContextKey, out var pool) && !string.Equals(pool, userPoolId, StringComparison.Ordinal))
            {
                throw _error(
                    $"The code was not encrypted for user pool '{UntrustedText.Safe(userPoolId)}' (its encryption context 'userpool-id' is '{UntrustedText.Safe(pool)}').", null);
            }

            return Encoding.UTF8.GetString(message.Plaintext);
        }
        finally
        {
            Array.Clear(message.Plaintext);
        }
    }

    private string AccessDenied(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var match = AssumedRole().Match(e.Message);
            if (match.Success)
            {
                return $"KMS denied kms:Decrypt on {_keyArn} to the role '{match.Groups["role"].Value}'. Grant that role (the function's execution role) kms:Decrypt on the key, in the key policy or an IAM policy.";
            }
        }

        return $"KMS denied kms:Decrypt on {_keyArn} to the function's execution role. Grant the role kms:Decrypt on the key, in the key policy or an IAM policy.";
    }

    [GeneratedRegex(@"(?:assumed-role|role)/(?<role>[\w+=,.@-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AssumedRole();
}
