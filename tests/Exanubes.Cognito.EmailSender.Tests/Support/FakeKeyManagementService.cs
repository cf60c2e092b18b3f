using System.Net;
using Amazon;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;

namespace Exanubes.Cognito.EmailSender.Tests.Support;

/// <summary>
/// Stands in for AWS KMS at the <see cref="IAmazonKeyManagementService"/> boundary: <c>Decrypt</c> of the known
/// encrypted data key under the known key ARN returns the known data key (the same pair the JS Encryption SDK's fake KMS
/// client used to encrypt); anything else fails like KMS would. Never touches the network.
/// </summary>
public sealed class FakeKeyManagementService : AmazonKeyManagementServiceClient
{
    public const string KeyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string RoleName = "exanubes-email-sender-role";

    public static readonly byte[] DataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] EncryptedDataKey = "fake-kms-ciphertext-blob:exanubes-tests"u8.ToArray();

    public FakeKeyManagementService()
        : base(new BasicAWSCredentials("AKIDFAKE", "fake-secret"), new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest1 })
    {
    }

    /// <summary>When set, every Decrypt is denied like an execution role without kms:Decrypt.</summary>
    public bool DenyDecrypt { get; set; }

    public int DecryptCalls { get; private set; }

    public IReadOnlyDictionary<string, string>? LastEncryptionContext { get; private set; }

    public override Task<DecryptResponse> DecryptAsync(DecryptRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DecryptCalls++;
        LastEncryptionContext = request.EncryptionContext;
        if (DenyDecrypt)
        {
            throw new AmazonKeyManagementServiceException(
                $"User: arn:aws:sts::111122223333:assumed-role/{RoleName}/email-sender is not authorized to perform: kms:Decrypt on resource: {KeyArn} because no identity-based policy allows the kms:Decrypt action",
                ErrorType.Sender, "AccessDeniedException", "req-1", HttpStatusCode.BadRequest);
        }

        if (request.KeyId != KeyArn || !request.CiphertextBlob.ToArray().AsSpan().SequenceEqual(EncryptedDataKey))
        {
            throw new InvalidCiphertextException("The ciphertext is invalid for this key.");
        }

        return Task.FromResult(new DecryptResponse
        {
            KeyId = KeyArn,
            Plaintext = new MemoryStream(DataKey.ToArray()),
            EncryptionAlgorithm = EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT,
        });
    }
}
