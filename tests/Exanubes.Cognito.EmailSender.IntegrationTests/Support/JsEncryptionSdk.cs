using Exanubes.Cognito.Lambda;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Support;

/// <summary>
/// Encrypts codes with the official AWS Encryption SDK for JavaScript (@aws-crypto/client-node from peers/) through
/// Scripts/encrypt-codes.cjs, whose fake KMS client wraps <see cref="FakeKeyManagementService.DataKey"/> as
/// <see cref="FakeKeyManagementService.EncryptedDataKey"/> under <see cref="FakeKeyManagementService.KeyArn"/>.
/// </summary>
public static class JsEncryptionSdk
{
    /// <summary>Message formats: real Cognito (v1, 0x0378), v2 (0x0578) with the pool context, and cognito-local's (0x0578, no context).</summary>
    public const string CognitoV1 = "v1";
    public const string V2 = "v2";
    public const string CognitoLocal = "cognito-local";

    public static async Task<IReadOnlyList<string>> EncryptAsync(params Job[] jobs)
    {
        await NodePeers.EnsureInstalledAsync();
        var input = JsonSerializer.Serialize(new Input(
            FakeKeyManagementService.KeyArn,
            Convert.ToBase64String(FakeKeyManagementService.DataKey),
            Convert.ToBase64String(FakeKeyManagementService.EncryptedDataKey),
            jobs));
        var psi = new ProcessStartInfo(NodePeers.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Peers,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scripts", "encrypt-codes.cjs"));
        psi.ArgumentList.Add(input);
        psi.Environment["NODE_PATH"] = NodePeers.NodeModules;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"encrypt-codes.cjs failed ({process.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<string[]>(await stdout)!;
    }

    public sealed record Job(
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("plaintext")] string Plaintext,
        [property: JsonPropertyName("userPoolId")] string? UserPoolId = null);

    private sealed record Input(
        [property: JsonPropertyName("keyArn")] string KeyArn,
        [property: JsonPropertyName("dataKeyBase64")] string DataKeyBase64,
        [property: JsonPropertyName("encryptedDataKeyBase64")] string EncryptedDataKeyBase64,
        [property: JsonPropertyName("jobs")] Job[] Jobs);
}
