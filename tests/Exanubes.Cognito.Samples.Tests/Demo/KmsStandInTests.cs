using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Exanubes.EncryptionSdk;
using Exanubes.Cognito.Sample.LocalStack.Kms;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The KMS stand-in speaks for both sides: the JavaScript Encryption SDK (as inside cognito-local, aws-sdk v2 KMS client)
/// encrypts through it, and our decryptor's KMS keyring (the .NET KMS client) unwraps through it.
/// </summary>
public sealed class KmsStandInTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "exanubes-kms-" + Guid.NewGuid().ToString("N")[..8]);
    private KmsStandIn _kms = null!;

    public async Task InitializeAsync()
    {
        await NodePeers.EnsureInstalledAsync();
        _kms = await KmsStandIn.StartAsync(_state, 0, "us-east-1", NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _kms.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Decrypt_CiphertextFromTheJavaScriptEncryptionSdk_ReturnsThePlaintext()
    {
        var ciphertext = await EncryptWithJavaScriptSdkAsync("483920", """{"userpool-id":"us-east-1_demo"}""");

        using var client = KmsClient();
        var decryptor = new EncryptionSdkDecryptor(new KmsKeyring(client, [_kms.KeyArn]));
        var message = await decryptor.DecryptAsync(ciphertext);

        Assert.Equal("483920", Encoding.UTF8.GetString(message.Plaintext));
        Assert.Equal("us-east-1_demo", message.EncryptionContext["userpool-id"]);
    }

    [Fact]
    public async Task Decrypt_WrongEncryptionContextOrUnknownKey_FailsLikeKms()
    {
        using var client = KmsClient();
        var generated = await client.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = _kms.AliasArn,
            NumberOfBytes = 32,
            EncryptionContext = new Dictionary<string, string> { ["purpose"] = "test" },
        });
        Assert.Equal(_kms.KeyArn, generated.KeyId);

        var right = await client.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = generated.CiphertextBlob,
            KeyId = _kms.KeyArn,
            EncryptionContext = new Dictionary<string, string> { ["purpose"] = "test" },
        });
        Assert.Equal(generated.Plaintext.ToArray(), right.Plaintext.ToArray());

        generated.CiphertextBlob.Position = 0;
        var wrongContext = await Assert.ThrowsAsync<InvalidCiphertextException>(() => client.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = generated.CiphertextBlob,
            EncryptionContext = new Dictionary<string, string> { ["purpose"] = "other" },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongContext.StatusCode);

        await Assert.ThrowsAsync<NotFoundException>(() => client.EncryptAsync(new EncryptRequest
        {
            KeyId = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000",
            Plaintext = new MemoryStream([1, 2, 3]),
        }));
    }

    [Fact]
    public async Task StartAsync_SameStateFolder_KeepsTheKey()
    {
        using var client = KmsClient();
        var encrypted = await client.EncryptAsync(new EncryptRequest { KeyId = _kms.KeyArn, Plaintext = new MemoryStream([7, 7, 7]) });
        var keyArn = _kms.KeyArn;
        await _kms.DisposeAsync();

        _kms = await KmsStandIn.StartAsync(_state, 0, "us-east-1", NullLoggerFactory.Instance);
        Assert.Equal(keyArn, _kms.KeyArn);
        using var restarted = KmsClient();
        var decrypted = await restarted.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });
        Assert.Equal(new byte[] { 7, 7, 7 }, decrypted.Plaintext.ToArray());
    }

    private AmazonKeyManagementServiceClient KmsClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonKeyManagementServiceConfig { ServiceURL = _kms.Url.ToString(), AuthenticationRegion = "us-east-1" });

    private async Task<byte[]> EncryptWithJavaScriptSdkAsync(string plaintext, string contextJson)
    {
        var outPath = Path.Combine(_state, "ciphertext.b64");

        // The same client configuration cognito-local builds from its KMSConfig.
        var script = $$"""
            const { buildClient, CommitmentPolicy, KmsKeyringNode } = require('@aws-crypto/client-node');
            const { KMS } = require('aws-sdk');
            const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
            const keyring = new KmsKeyringNode({
              generatorKeyId: '{{_kms.AliasArn}}',
              keyIds: ['{{_kms.KeyArn}}'],
              clientProvider: () => new KMS({ endpoint: '{{_kms.Url.ToString().TrimEnd('/')}}', region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
            });
            encrypt(keyring, '{{plaintext}}', { encryptionContext: {{contextJson}} })
              .then(({ result }) => require('fs').writeFileSync('{{outPath}}', result.toString('base64')))
              .catch((e) => { console.error(e); process.exit(1); });
            """;
        var path = Path.Combine(_state, "encrypt.js");
        await File.WriteAllTextAsync(path, script);
        await using var node = PeerProcess.StartNode("encrypt.js", path, [], RepoPaths.Peers, new Dictionary<string, string> { ["NODE_PATH"] = NodePeers.NodeModules });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!node.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(node.HasExited && File.Exists(outPath), "node did not encrypt:\n" + node.Output);
        return Convert.FromBase64String(await File.ReadAllTextAsync(outPath));
    }
}
