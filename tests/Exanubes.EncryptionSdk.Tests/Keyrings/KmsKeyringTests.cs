using System.Net;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Exanubes.EncryptionSdk.Tests.Support;
using Moq;

namespace Exanubes.EncryptionSdk.Tests.Keyrings;

public sealed class KmsKeyringTests
{
    private const string PoolKey = "arn:aws:kms:eu-west-1:111122223333:key/0f6b8e3e-1111-4222-8333-444455556666";
    private const string OtherKey = "arn:aws:kms:eu-west-1:999988887777:key/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    private static readonly Dictionary<string, string> Context = new(StringComparer.Ordinal)
    {
        ["aws-crypto-public-key"] = "A1Y4hWbW2vQmWbQ9G0B4kl5iHkqWb9c0Z8Q3wF4vS2k2c6zX0gH1Q5i7cQ0p8lq9rw==",
        ["userpool-id"] = "eu-west-1_AbCdEfGhI",
    };

    private static EncryptedDataKey Kms(string arn, byte[] blob) => new("aws-kms", Encoding.UTF8.GetBytes(arn), blob);

    private static KeyringDecryptionRequest Request(params EncryptedDataKey[] edks) =>
        new(AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384, edks, Context);

    [Fact]
    public async Task DecryptDataKeyAsync_ConfiguredEdk_SendsExactKeyIdBlobAndWholeContext()
    {
        var dataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var blob = FakeKms.Blob(dataKey);
        var calls = new List<DecryptRequest>();
        var kms = FakeKms.Create(PoolKey, calls);

        var result = await new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, blob)), CancellationToken.None);

        Assert.Equal(dataKey, result);
        var call = Assert.Single(calls);
        Assert.Equal(PoolKey, call.KeyId);
        Assert.Equal(blob, call.CiphertextBlob.ToArray());
        Assert.Equal(Context.OrderBy(p => p.Key, StringComparer.Ordinal), call.EncryptionContext.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task DecryptDataKeyAsync_OtherKeyFirst_OnlyConfiguredEdkReachesKms()
    {
        var dataKey = new byte[32];
        dataKey[0] = 7;
        var calls = new List<DecryptRequest>();
        var kms = FakeKms.Create(PoolKey, calls);

        var result = await new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(
            Request(Kms(OtherKey, FakeKms.Blob(new byte[32])), new EncryptedDataKey("not-kms", Encoding.UTF8.GetBytes(PoolKey), FakeKms.Blob(new byte[32])), Kms(PoolKey, FakeKms.Blob(dataKey))),
            CancellationToken.None);

        Assert.Equal(dataKey, result);
        Assert.Equal(PoolKey, Assert.Single(calls).KeyId);
    }

    [Fact]
    public async Task DecryptDataKeyAsync_NoConfiguredEdk_ReturnsNullWithoutCallingKms()
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);

        var result = await new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(
            Request(Kms(OtherKey, FakeKms.Blob(new byte[32])), Kms(PoolKey + "0", FakeKms.Blob(new byte[32]))), CancellationToken.None);

        Assert.Null(result);
        kms.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecryptAsync_MessageUnderOtherKey_ThrowsNoMatchingDataKeyNamingBothArns()
    {
        var vector = EsdkVectors.Get("generated-js-client-node/js-043-aws-kms-0378-fl4096-cognito-code");
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        var decryptor = new EncryptionSdkDecryptor(new KmsKeyring(kms.Object, [OtherKey]));

        var error = await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => decryptor.DecryptAsync(EsdkVectors.Ciphertext(vector)));

        Assert.StartsWith($"no encrypted data key matches the configured key ARN {OtherKey} (found: aws-kms arn:aws:kms:us-east-1:111122223333:key/", error.Message, StringComparison.Ordinal);
        kms.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecryptDataKeyAsync_AccessDenied_ThrowsAccessDeniedNamingRoleAndKey()
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AmazonKeyManagementServiceException("User is not authorized to perform: kms:Decrypt") { ErrorCode = "AccessDeniedException", StatusCode = HttpStatusCode.BadRequest });

        var error = await Assert.ThrowsAsync<EncryptionSdkKmsAccessDeniedException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1, 2, 3])), CancellationToken.None));

        Assert.StartsWith($"KMS denied Decrypt: the function's role needs kms:Decrypt on {PoolKey}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("io")]
    [InlineData("timeout")]
    [InlineData("http-client-timeout")]
    public async Task DecryptDataKeyAsync_KmsUnreachable_ThrowsKmsErrorNamingTheKey(string failure)
    {
        Exception transport = failure switch
        {
            "http" => new HttpRequestException("Connection refused (kms.eu-west-1.amazonaws.com:443)"),
            "io" => new IOException("The response ended prematurely."),
            "http-client-timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()),
            _ => new TimeoutException("The operation has timed out."),
        };
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(transport);

        var error = await Assert.ThrowsAsync<EncryptionSdkKmsException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1, 2, 3])), CancellationToken.None));

        Assert.Contains(PoolKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(transport.GetType().Name, error.Message, StringComparison.Ordinal);
        Assert.Same(transport, error.InnerException);
    }

    [Fact]
    public async Task DecryptDataKeyAsync_InvalidCiphertext_ThrowsKmsErrorExplainingCause()
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidCiphertextException("invalid"));

        var error = await Assert.ThrowsAsync<EncryptionSdkKmsException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1, 2, 3])), CancellationToken.None));

        Assert.Contains("InvalidCiphertextException", error.Message, StringComparison.Ordinal);
        Assert.Contains(PoolKey, error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidCiphertextException>(error.InnerException);
    }

    [Fact]
    public async Task DecryptDataKeyAsync_ResponseNamesOtherKey_ThrowsKmsError()
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DecryptResponse { KeyId = OtherKey, Plaintext = new MemoryStream(new byte[32]) });

        var error = await Assert.ThrowsAsync<EncryptionSdkKmsException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1])), CancellationToken.None));

        Assert.Equal($"KMS answered Decrypt for {PoolKey} with key id '{OtherKey}'; the key ids must match", error.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task DecryptDataKeyAsync_WrongLengthDataKey_ThrowsKmsError(int length)
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DecryptResponse { KeyId = PoolKey, Plaintext = new MemoryStream(new byte[length]) });

        var error = await Assert.ThrowsAsync<EncryptionSdkKmsException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1])), CancellationToken.None));

        Assert.Contains($"{length}-byte data key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptDataKeyAsync_Cancelled_Propagates()
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
        kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
            .Returns((DecryptRequest _, CancellationToken ct) => Task.FromCanceled<DecryptResponse>(ct));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new KmsKeyring(kms.Object, [PoolKey]).DecryptDataKeyAsync(Request(Kms(PoolKey, [1])), cts.Token));
    }

    [Theory]
    [InlineData("alias/cognito-codes")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/cognito-codes")]
    [InlineData("0f6b8e3e-1111-4222-8333-444455556666")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/")]
    [InlineData("arn:aws:s3:eu-west-1:111122223333:key/0f6b8e3e")]
    [InlineData("")]
    public void Constructor_NotAKeyArn_ThrowsExplainingCognitoStampsTheArn(string keyId)
    {
        var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);

        var error = Assert.Throws<ArgumentException>(() => new KmsKeyring(kms.Object, [keyId]));

        Assert.Contains("Cognito stamps the full key ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoArn_Throws()
    {
        Assert.Throws<ArgumentException>(() => new KmsKeyring(new Mock<IAmazonKeyManagementService>().Object, []));
    }
}
