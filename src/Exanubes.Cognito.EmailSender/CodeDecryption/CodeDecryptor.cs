using Amazon.KeyManagementService;
using Exanubes.Cognito.Lambda;
using Exanubes.EncryptionSdk;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The email sender's code decryptor: the shared <see cref="CognitoCodeDecryptor"/> (strict KMS keyring, <c>userpool-id</c>
/// check, Cognito's two suites) configured from the <c>EmailSender</c> section, failing with <see cref="CodeDecryptionException"/>.
/// </summary>
internal sealed class CodeDecryptor(IAmazonKeyManagementService kms, IOptions<CustomEmailSenderOptions> options)
{
    internal const string UserPoolIdContextKey = CognitoCodeDecryptor.UserPoolIdContextKey;

    /// <summary>The suites a Cognito code may use (0x0378, 0x0578); see <see cref="CognitoCodeDecryptor.CognitoSuites"/>.</summary>
    internal static readonly IReadOnlyCollection<AlgorithmSuiteId> CognitoSuites = CognitoCodeDecryptor.CognitoSuites;

    private readonly CognitoCodeDecryptor _decryptor = new(
        kms,
        options.Value.KmsKeyArn!,
        options.Value.AllowMissingUserPoolContext,
        CustomEmailSenderOptions.SectionName,
        static (message, cause) => new CodeDecryptionException(message, cause));

    public Task<string> DecryptAsync(string code, string userPoolId, CancellationToken cancellationToken)
        => _decryptor.DecryptAsync(code, userPoolId, cancellationToken);
}
