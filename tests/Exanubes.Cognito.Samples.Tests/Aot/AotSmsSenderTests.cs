using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// The sample SMS sender as a Native AOT binary, under the same rules as the email sender: no trim/AOT warning outside
/// the reviewed allow-list, and the binary, run as Lambda runs it (its own Runtime API loop against a loopback host,
/// the real AWSSDK KMS client against a loopback KMS), decrypts, renders and sends every CustomSMSSender source.
/// </summary>
public sealed class AotSmsSenderTests(AotSmsSenderFixture fixture) : IClassFixture<AotSmsSenderFixture>
{
    private const string Phone = "+15555550123";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The committed fixtures' codes (every source but the takeover notice, which has none and no SMS twin).</summary>
    private static readonly Dictionary<string, string> Codes = Fixtures.Codes.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);

    [Fact]
    public void Publish_WarningsAsErrors_NoTrimOrAotWarningOutsideTheAllowList()
    {
        var log = fixture.PublishLog;
        var seen = AotAllowList.Diagnostic().Matches(log).Select(m => $"{m.Groups["code"].Value} {AotAllowList.TypeOrMember(m.Groups["member"].Value)}").ToHashSet(StringComparer.Ordinal);
        var unlisted = seen.Except(AotAllowList.ThirdParty).ToList();

        Assert.True(File.Exists(fixture.AotBinary));
        Assert.DoesNotContain(seen, s => s.Contains(" Exanubes.", StringComparison.Ordinal));
        Assert.True(unlisted.Count == 0, "Trim/AOT warnings not on the reviewed allow-list:\n" + string.Join("\n", unlisted));
        Assert.DoesNotContain("IL2104", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_OverTheRuntimeApi_SendsEverySourceAndRejectsAForeignPool()
    {
        await using var host = LambdaRuntimeHost.Start();
        await using var kms = new LoopbackKmsStandIn(FakeKeyManagementService.KeyArn, [(FakeKeyManagementService.EncryptedDataKey, FakeKeyManagementService.DataKey)]);
        var inbox = Path.Combine(Path.GetTempPath(), "exanubes-aot-sms-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");
        var start = new ProcessStartInfo(fixture.AotBinary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["AWS_LAMBDA_RUNTIME_API"] = host.RuntimeApi,
                     ["SmsSender__KmsKeyArn"] = FakeKeyManagementService.KeyArn,
                     ["SmsSender__UserPoolId"] = Fixtures.UserPoolId,
                     ["SmsSender__KmsServiceUrl"] = kms.Url.ToString(),
                     ["SmsProvider__Kind"] = "Development",
                     ["Development__InboxPath"] = inbox,
                     ["AWS_REGION"] = "eu-west-1",
                     ["AWS_ACCESS_KEY_ID"] = "AKIDAOTSMS",
                     ["AWS_SECRET_ACCESS_KEY"] = "aot-sms-secret",
                     ["AWS_EC2_METADATA_DISABLED"] = "true",
                 })
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            foreach (var name in Codes.Keys)
            {
                var result = await host.InvokeAsync(Event(name, Fixtures.UserPoolId)).WaitAsync(Wait);
                Assert.True(result.Succeeded, $"{name}: {result.ErrorType} {Encoding.UTF8.GetString(result.Body)}");
                Assert.Equal("{}", Encoding.UTF8.GetString(result.Body));
            }

            var foreign = await host.InvokeAsync(Event("SignUp", "eu-west-1_SomeOtherPool")).WaitAsync(Wait);
            Assert.False(foreign.Succeeded);
            Assert.Contains("userPoolId", Encoding.UTF8.GetString(foreign.Body), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(Wait);
        }

        var output = await stdout + await stderr;
        var sent = File.ReadAllLines(inbox).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        File.Delete(inbox);
        Assert.Equal(Codes.Count, sent.Count);
        foreach (var (name, code) in Codes)
        {
            var sms = Assert.Single(sent, s => s.GetProperty("triggerSource").GetString() == "CustomSMSSender_" + name);
            Assert.Equal(Phone, sms.GetProperty("phoneNumber").GetString());
            Assert.Contains(code, sms.GetProperty("body").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(Codes.Count, kms.Decrypts);
        var lines = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var handled = lines.Where(l => l.TryGetProperty("eventName", out var e) && e.GetString() == "SmsEventHandled").ToList();
        Assert.Equal(Codes.Count, handled.Count);
        Assert.All(handled, l => Assert.Equal("Exanubes/Cognito/SmsSender", l.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString()));
        Assert.Single(lines, l => l.TryGetProperty("eventName", out var e) && e.GetString() == "SmsEventFailed" && l.GetProperty("Outcome").GetString() == "Rejected");
        Assert.All(Codes.Values, code => Assert.DoesNotContain(code, output, StringComparison.Ordinal));
        Assert.DoesNotContain(Phone, output, StringComparison.Ordinal);
    }

    /// <summary>The committed custom-sender fixture of a source, made the SMS event Cognito sends (trigger source, request type, phone number).</summary>
    private static byte[] Event(string name, string userPoolId)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Events", "Fixtures", name + ".json")))!.AsObject();
        node["triggerSource"] = "CustomSMSSender_" + name;
        node["userPoolId"] = userPoolId;
        var request = node["request"]!.AsObject();
        request["type"] = "customSMSSenderRequestV1";
        var attributes = request["userAttributes"]!.AsObject();
        attributes.Remove("email");
        attributes.Remove("email_verified");
        attributes["phone_number"] = Phone;
        attributes["phone_number_verified"] = "false";
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }
}
