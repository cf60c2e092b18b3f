using System.Text.Json;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.EncryptionSdk;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.Tests.CodeDecryption;

/// <summary>
/// The Cognito adapter accepts only the suites Cognito writes (0x0378, 0x0578), while the general reader still reads
/// every suite. The codes were written by the official JS Encryption SDK (Fixtures/make-suite-codes.js) under the fake
/// KMS key pair, so each is a genuine, well-formed message: only its suite differs.
/// </summary>
public class CodeDecryptorSuiteTests
{
    private static readonly IReadOnlyDictionary<string, string> Codes =
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CodeDecryption", "Fixtures", "suite-codes.json")))!;

    [Theory]
    [InlineData("0x0378")]
    [InlineData("0x0578")]
    public async Task DecryptAsync_CognitoSuite_ReturnsThePlaintext(string suite)
        => Assert.Equal("123456", await Decryptor(new FakeKeyManagementService()).DecryptAsync(Codes[suite], Fixtures.UserPoolId, default));

    [Theory]
    [InlineData("0x0178")]
    [InlineData("0x0478")]
    public async Task DecryptAsync_SuiteCognitoNeverWrites_IsRefusedBeforeKms(string suite)
    {
        var kms = new FakeKeyManagementService();

        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => Decryptor(kms).DecryptAsync(Codes[suite], Fixtures.UserPoolId, default));

        Assert.IsType<EncryptionSdkUnsupportedException>(ex.InnerException);
        Assert.Contains($"algorithm suite {suite.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)} is not in AllowedAlgorithmSuites (0x0378, 0x0578)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kms.DecryptCalls);
    }

    [Theory]
    [InlineData("0x0178")]
    [InlineData("0x0478")]
    public async Task GeneralReader_SameMessages_StillDecrypts(string suite)
    {
        var reader = new EncryptionSdkDecryptor(new KmsKeyring(new FakeKeyManagementService(), [FakeKeyManagementService.KeyArn]));

        var message = await reader.DecryptAsync(Convert.FromBase64String(Codes[suite]), null, default);

        Assert.Equal("123456"u8.ToArray(), message.Plaintext);
    }

    private static CodeDecryptor Decryptor(FakeKeyManagementService kms)
        => new(kms, Options.Create(new CustomEmailSenderOptions { KmsKeyArn = FakeKeyManagementService.KeyArn }));
}
