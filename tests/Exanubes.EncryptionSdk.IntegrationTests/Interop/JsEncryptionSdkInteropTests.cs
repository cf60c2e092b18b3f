using System.Diagnostics;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Exanubes.Cognito.TestSupport;
using Moq;

namespace Exanubes.EncryptionSdk.IntegrationTests.Interop;

/// <summary>
/// Cross-implementation proof: fresh messages written by the official JS Encryption SDK (esdk-generate.cjs, every suite it
/// can write, frame lengths 1/16/4096, empty to multi-frame plaintexts, contexts of 0-30 pairs, raw AES and a KMS keyring
/// with a fake KMS client) all decrypt in .NET to exactly their plaintext.
/// </summary>
public sealed class JsEncryptionSdkInteropTests
{
    private static readonly byte[] FakeKmsPrefix = "FAKEKMS1"u8.ToArray();

    [Fact]
    public async Task DecryptAsync_MessagesFromJsEncryptionSdk_DecryptToTheirPlaintext()
    {
        using var generated = await GenerateAsync();
        var root = generated.RootElement;
        var aes = new RawAesKeyring("exanubes-tests", "aes-256-cross", Convert.FromBase64String(root.GetProperty("aesKeyB64").GetString()!));
        var arn = root.GetProperty("kmsArn").GetString()!;
        var messages = root.GetProperty("messages").EnumerateArray().ToList();

        var failures = new List<string>();
        var suites = new HashSet<int>();
        var kmsCalls = 0;
        foreach (var m in messages)
        {
            var name = m.GetProperty("name").GetString()!;
            var expectedKmsContext = m.GetProperty("kmsContext");
            IKeyring keyring = aes;
            if (m.GetProperty("keyring").GetString() == "kms")
            {
                var kms = new Mock<IAmazonKeyManagementService>(MockBehavior.Strict);
                kms.Setup(k => k.DecryptAsync(It.IsAny<DecryptRequest>(), It.IsAny<CancellationToken>()))
                    .Returns((DecryptRequest r, CancellationToken _) =>
                    {
                        kmsCalls++;
                        Assert.Equal(arn, r.KeyId);
                        var sent = r.EncryptionContext.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                        var written = expectedKmsContext.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                        Assert.Equal(written, sent);
                        var blob = r.CiphertextBlob.ToArray();
                        Assert.True(blob.AsSpan().StartsWith(FakeKmsPrefix));
                        var dataKey = blob[FakeKmsPrefix.Length..].Select(b => (byte)(b ^ 0x5A)).ToArray();
                        return Task.FromResult(new DecryptResponse { KeyId = arn, Plaintext = new MemoryStream(dataKey) });
                    });
                keyring = new KmsKeyring(kms.Object, [arn]);
            }

            var context = m.GetProperty("context").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            try
            {
                var result = await new EncryptionSdkDecryptor(keyring).DecryptAsync(
                    Convert.FromBase64String(m.GetProperty("messageB64").GetString()!), context);
                if (!result.Plaintext.AsSpan().SequenceEqual(Convert.FromBase64String(m.GetProperty("plaintextB64").GetString()!)))
                {
                    failures.Add($"{name}: wrong plaintext");
                }

                foreach (var (key, value) in context)
                {
                    if (result.EncryptionContext[key] != value)
                    {
                        failures.Add($"{name}: context {key} differs");
                    }
                }

                suites.Add((int)result.AlgorithmSuite);
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(187, messages.Count);
        Assert.Equal(11, suites.Count);
        Assert.Equal(55, kmsCalls);
    }

    private static async Task<JsonDocument> GenerateAsync()
    {
        await NodePeers.EnsureInstalledAsync();
        var script = Path.Combine(RepoPaths.Root, "tests", "Exanubes.EncryptionSdk.IntegrationTests", "Interop", "esdk-generate.cjs");
        var psi = new ProcessStartInfo(NodePeers.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Peers,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(NodePeers.NodeModules);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"esdk-generate.cjs failed ({process.ExitCode}): {await stderr}");
        }

        return JsonDocument.Parse(await stdout);
    }
}
