using Exanubes.EncryptionSdk;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.Tests.CodeDecryption;

public class CodeDecryptorTests
{
    private static readonly string SignUpCode = Fixtures.Event("SignUp").Request!.Code!;

    [Fact]
    public async Task DecryptAsync_CognitoV1Code_ReturnsThePlaintext()
    {
        var decryptor = Decryptor(new FakeKeyManagementService());

        Assert.Equal("123456", await decryptor.DecryptAsync(SignUpCode, Fixtures.UserPoolId, default));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AYADe***")]
    public async Task DecryptAsync_NotBase64_SaysSo(string code)
    {
        var kms = new FakeKeyManagementService();

        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => Decryptor(kms).DecryptAsync(code, Fixtures.UserPoolId, default));

        Assert.Contains("not base64", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kms.DecryptCalls);
    }

    [Fact]
    public async Task DecryptAsync_Base64Garbage_IsAMalformedMessage()
    {
        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(
            () => Decryptor(new FakeKeyManagementService()).DecryptAsync(Convert.ToBase64String("hello, this is not an ESDK message"u8), Fixtures.UserPoolId, default));

        Assert.IsAssignableFrom<EncryptionSdkException>(ex.InnerException);
        Assert.Contains("could not be decrypted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptAsync_OtherPool_IsAnEncryptionContextMismatch()
    {
        var kms = new FakeKeyManagementService();

        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => Decryptor(kms).DecryptAsync(SignUpCode, "eu-west-1_OtherPool", default));

        Assert.Contains("not encrypted for user pool 'eu-west-1_OtherPool'", ex.Message, StringComparison.Ordinal);
        Assert.IsType<EncryptionSdkEncryptionContextMismatchException>(ex.InnerException);
    }

    [Fact]
    public async Task DecryptAsync_OtherPoolWithMissingContextAllowed_IsStillRefused()
    {
        var decryptor = Decryptor(new FakeKeyManagementService(), allowMissingContext: true);

        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => decryptor.DecryptAsync(SignUpCode, "eu-west-1_OtherPool", default));

        Assert.Contains("'userpool-id' is 'eu-west-1_TestPool1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptAsync_KmsAccessDenied_NamesKmsDecryptAndTheRole()
    {
        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(
            () => Decryptor(new FakeKeyManagementService { DenyDecrypt = true }).DecryptAsync(SignUpCode, Fixtures.UserPoolId, default));

        Assert.Contains("kms:Decrypt", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"role '{FakeKeyManagementService.RoleName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(FakeKeyManagementService.KeyArn, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecryptAsync_OtherKeyConfigured_ExplainsTheKeyMismatch()
    {
        var kms = new FakeKeyManagementService();
        var decryptor = new CodeDecryptor(kms, Options.Create(new CustomEmailSenderOptions { KmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/ffffffff-0000-0000-0000-000000000000" }));

        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => decryptor.DecryptAsync(SignUpCode, Fixtures.UserPoolId, default));

        Assert.Contains("EmailSender:KmsKeyArn", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kms.DecryptCalls);
    }

    private static CodeDecryptor Decryptor(FakeKeyManagementService kms, bool allowMissingContext = false)
        => new(kms, Options.Create(new CustomEmailSenderOptions { KmsKeyArn = FakeKeyManagementService.KeyArn, AllowMissingUserPoolContext = allowMissingContext }));
}
