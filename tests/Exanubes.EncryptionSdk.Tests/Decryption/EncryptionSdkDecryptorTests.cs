using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Exanubes.EncryptionSdk.Tests.Support;
using Moq;

namespace Exanubes.EncryptionSdk.Tests.Decryption;

public sealed class EncryptionSdkDecryptorTests
{
    internal const string Cognito0378 = "generated-js-client-node/js-043-aws-kms-0378-fl4096-cognito-code";
    internal const string Cognito0578 = "generated-js-client-node/js-046-aws-kms-0578-fl4096-cognito-code";
    internal const string RawAes0378 = "generated-js-client-node/js-025-raw-aes-0378-fl4096-cognito-code";
    internal const string RawAes0578 = "generated-js-client-node/js-037-raw-aes-0578-fl4096-cognito-code";
    private const string Arn = "arn:aws:kms:us-east-1:111122223333:key/00000000-1111-2222-3333-444444444444";

    private static (EncryptionSdkDecryptor Decryptor, Mock<IAmazonKeyManagementService> Kms, List<DecryptRequest> Calls, byte[] Message) Cognito(
        string id = Cognito0378, EncryptionSdkDecryptorOptions? options = null)
    {
        var calls = new List<DecryptRequest>();
        var kms = FakeKms.Create(Arn, calls);
        return (new EncryptionSdkDecryptor(new KmsKeyring(kms.Object, [Arn]), options), kms, calls, EsdkVectors.Ciphertext(EsdkVectors.Get(id)));
    }

    [Theory]
    [InlineData(Cognito0378, AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384, 1)]
    [InlineData(Cognito0578, AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384, 2)]
    public async Task DecryptAsync_CognitoShapedMessage_ReturnsCodeContextAndSuite(string id, AlgorithmSuiteId suite, int version)
    {
        var (decryptor, _, calls, message) = Cognito(id);

        var result = await decryptor.DecryptAsync(message);

        Assert.Equal(EsdkVectors.Plaintext(EsdkVectors.Get(id)), result.Plaintext);
        Assert.Equal(suite, result.AlgorithmSuite);
        Assert.Equal(version, result.MessageVersion);
        Assert.True(result.EncryptionContext.ContainsKey("userpool-id"));
        Assert.True(result.EncryptionContext.ContainsKey("aws-crypto-public-key"));
        Assert.Equal(result.EncryptionContext.OrderBy(p => p.Key, StringComparer.Ordinal), Assert.Single(calls).EncryptionContext.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task DecryptAsync_RequiredPoolMatches_Decrypts()
    {
        var (decryptor, _, _, message) = Cognito();
        var pool = (await decryptor.DecryptAsync(message)).EncryptionContext["userpool-id"];

        var result = await decryptor.DecryptAsync(message, new Dictionary<string, string> { ["userpool-id"] = pool });

        Assert.Equal(pool, result.EncryptionContext["userpool-id"]);
    }

    [Fact]
    public async Task DecryptAsync_RequiredPoolDiffers_ThrowsMismatchBeforeCallingKms()
    {
        var (decryptor, _, calls, message) = Cognito();

        var error = await Assert.ThrowsAsync<EncryptionSdkEncryptionContextMismatchException>(() =>
            decryptor.DecryptAsync(message, new Dictionary<string, string> { ["userpool-id"] = "eu-west-1_Other" }));

        Assert.Contains("userpool-id", error.Message, StringComparison.Ordinal);
        Assert.Contains("'eu-west-1_Other' is required", error.Message, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_RequiredKeyNotInHeader_ThrowsMismatchNamingTheKey()
    {
        var (decryptor, _, calls, message) = Cognito();

        var error = await Assert.ThrowsAsync<EncryptionSdkEncryptionContextMismatchException>(() =>
            decryptor.DecryptAsync(message, new Dictionary<string, string> { ["tenant"] = "a" }));

        Assert.Equal("the message's encryption context does not hold the required tenant: the message is authentic but was not encrypted with it", error.Message);
        Assert.Equal("a", Assert.Single(calls).EncryptionContext["tenant"]);
    }

    [Fact]
    public async Task DecryptAsync_RequiredKeyNotInHeaderAndHeaderAltered_ThrowsAuthentication()
    {
        var (decryptor, _, _, message) = Cognito();
        var value = message.AsSpan().IndexOf("userpool-id"u8) + "userpool-id".Length + 2;
        message[value] ^= 0x20; // the pool id's first letter changes case: still well-formed, no longer authentic

        await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() =>
            decryptor.DecryptAsync(message, new Dictionary<string, string> { ["tenant"] = "a" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    public async Task DecryptAsync_Base64Text_ThrowsMalformedWithDecodeHint(string lineBreak)
    {
        var (decryptor, _, calls, message) = Cognito();

        var error = await Assert.ThrowsAsync<EncryptionSdkMalformedMessageException>(() =>
            decryptor.DecryptAsync(Encoding.ASCII.GetBytes(Convert.ToBase64String(message).Insert(20, lineBreak))));

        Assert.StartsWith("this input looks base64-encoded; decode `request.code` first", error.Message, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_Empty_ThrowsMalformed()
    {
        var (decryptor, _, _, _) = Cognito();

        await Assert.ThrowsAsync<EncryptionSdkMalformedMessageException>(() => decryptor.DecryptAsync(ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public async Task DecryptAsync_MoreEdksThanAllowed_ThrowsLimitBeforeAnyKeyringCall()
    {
        var vector = EsdkVectors.All.Values.First(v => v.GetProperty("keyrings").GetArrayLength() == 2 && EsdkVectors.ExpectOk(v));
        var keyring = new Mock<IKeyring>(MockBehavior.Strict);
        var decryptor = new EncryptionSdkDecryptor(keyring.Object, new EncryptionSdkDecryptorOptions { MaxEncryptedDataKeys = 1 });

        var error = await Assert.ThrowsAsync<EncryptionSdkLimitExceededException>(() => decryptor.DecryptAsync(EsdkVectors.Ciphertext(vector)));

        Assert.Contains("more than MaxEncryptedDataKeys (1)", error.Message, StringComparison.Ordinal);
        keyring.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecryptAsync_LargerThanMaxMessageSize_ThrowsLimit()
    {
        var (decryptor, _, calls, message) = Cognito(options: new EncryptionSdkDecryptorOptions { MaxMessageSize = 100 });

        await Assert.ThrowsAsync<EncryptionSdkLimitExceededException>(() => decryptor.DecryptAsync(message));
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_FrameLengthAboveMax_ThrowsLimit()
    {
        var (decryptor, _, calls, message) = Cognito(options: new EncryptionSdkDecryptorOptions { MaxFrameLength = 4095 });

        await Assert.ThrowsAsync<EncryptionSdkLimitExceededException>(() => decryptor.DecryptAsync(message));
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_RequireDecryptPolicyNonCommittingSuite_ThrowsUnsupportedBeforeCallingKms()
    {
        var options = new EncryptionSdkDecryptorOptions { CommitmentPolicy = EncryptionSdkCommitmentPolicy.RequireEncryptRequireDecrypt };
        var (decryptor, _, calls, message) = Cognito(options: options);

        var error = await Assert.ThrowsAsync<EncryptionSdkUnsupportedException>(() => decryptor.DecryptAsync(message));

        Assert.Contains("0x0378", error.Message, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_RequireDecryptPolicyCommittingSuite_Decrypts()
    {
        var options = new EncryptionSdkDecryptorOptions { CommitmentPolicy = EncryptionSdkCommitmentPolicy.RequireEncryptRequireDecrypt };
        var (decryptor, _, _, message) = Cognito(Cognito0578, options);

        var result = await decryptor.DecryptAsync(message);

        Assert.Equal(AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384, result.AlgorithmSuite);
    }

    [Fact]
    public async Task DecryptAsync_SuiteNotAllowed_ThrowsUnsupportedBeforeCallingKms()
    {
        var options = new EncryptionSdkDecryptorOptions { AllowedAlgorithmSuites = [AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384] };
        var (decryptor, _, calls, message) = Cognito(options: options);

        var error = await Assert.ThrowsAsync<EncryptionSdkUnsupportedException>(() => decryptor.DecryptAsync(message));

        Assert.Equal("algorithm suite 0x0378 is not in AllowedAlgorithmSuites (0x0578)", error.Message);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task DecryptAsync_SuiteAllowed_Decrypts()
    {
        var options = new EncryptionSdkDecryptorOptions
        {
            AllowedAlgorithmSuites = [AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384, AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384],
        };
        var (decryptor, _, _, message) = Cognito(options: options);

        Assert.Equal(6, (await decryptor.DecryptAsync(message)).Plaintext.Length);
    }

    [Fact]
    public void Constructor_EmptyAllowedSuites_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EncryptionSdkDecryptor(new StaticKeyring(new byte[32]), new EncryptionSdkDecryptorOptions { AllowedAlgorithmSuites = [] }));
    }

    [Fact]
    public async Task DecryptAsync_KeyringReturnsWrongLength_Throws()
    {
        var decryptor = new EncryptionSdkDecryptor(new StaticKeyring(new byte[16]));
        var message = EsdkVectors.Ciphertext(EsdkVectors.Get(RawAes0378));

        var error = await Assert.ThrowsAsync<EncryptionSdkException>(() => decryptor.DecryptAsync(message));

        Assert.Contains("16-byte data key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptAsync_WrongDataKey_ThrowsAuthentication()
    {
        var decryptor = new EncryptionSdkDecryptor(new StaticKeyring(new byte[32]));

        await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() => decryptor.DecryptAsync(EsdkVectors.Ciphertext(EsdkVectors.Get(RawAes0378))));
        await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() => decryptor.DecryptAsync(EsdkVectors.Ciphertext(EsdkVectors.Get(RawAes0578))));
    }

    [Fact]
    public async Task DecryptAsync_CancelledToken_Throws()
    {
        var (decryptor, _, calls, message) = Cognito();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => decryptor.DecryptAsync(message, cancellationToken: cts.Token));
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData(0, 1024, 1024)]
    [InlineData(10, 0, 1024)]
    [InlineData(10, 1024, 0)]
    public void Constructor_OptionOutOfRange_Throws(int maxEdks, int maxMessage, int maxFrame)
    {
        var options = new EncryptionSdkDecryptorOptions { MaxEncryptedDataKeys = maxEdks, MaxMessageSize = maxMessage, MaxFrameLength = maxFrame };

        Assert.Throws<ArgumentOutOfRangeException>(() => new EncryptionSdkDecryptor(new StaticKeyring(new byte[32]), options));
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new EncryptionSdkDecryptorOptions();

        Assert.Equal(EncryptionSdkCommitmentPolicy.RequireEncryptAllowDecrypt, options.CommitmentPolicy);
        Assert.Null(options.AllowedAlgorithmSuites);
        Assert.Equal(10, options.MaxEncryptedDataKeys);
        Assert.Equal(1024 * 1024, options.MaxMessageSize);
        Assert.Equal(1024 * 1024, options.MaxFrameLength);
    }

    [Theory]
    [InlineData("non-minimal r")]
    [InlineData("byte inside the sequence")]
    [InlineData("byte after the sequence")]
    [InlineData("long-form sequence length")]
    [InlineData("r and s swapped")]
    public async Task DecryptAsync_SignatureNotStrictDer_ThrowsAuthentication(string change)
    {
        var vector = EsdkVectors.Get(RawAes0378);
        var decryptor = new EncryptionSdkDecryptor(EsdkVectors.Keyring(vector));
        var message = EsdkVectors.Ciphertext(vector);
        var sigLength = Enumerable.Range(60, 60).Single(n => message[^n] == 0x30 && ((message[^(n + 2)] << 8) | message[^(n + 1)]) == n);
        var der = message[^sigLength..];
        var rLength = der[3];
        var r = der.AsSpan(4, rLength).ToArray();
        var s = der.AsSpan(6 + rLength, der[5 + rLength]).ToArray();
        static byte[] Int(byte[] v) => [0x02, (byte)v.Length, .. v];
        byte[] changed = change switch
        {
            "non-minimal r" => [0x30, (byte)(der[1] + 1), .. Int([0x00, .. r]), .. Int(s)],
            "byte inside the sequence" => [0x30, (byte)(der[1] + 1), .. Int(r), .. Int(s), 0x00],
            "byte after the sequence" => [.. der, 0x00],
            "long-form sequence length" => [0x30, 0x81, der[1], .. der[2..]],
            _ => [0x30, der[1], .. Int(s), .. Int(r)],
        };
        byte[] tampered = [.. message[..^(sigLength + 2)], (byte)(changed.Length >> 8), (byte)changed.Length, .. changed];

        await Assert.ThrowsAsync<EncryptionSdkAuthenticationException>(() => decryptor.DecryptAsync(tampered));
        Assert.Equal(6, (await decryptor.DecryptAsync(message)).Plaintext.Length);
    }
}
