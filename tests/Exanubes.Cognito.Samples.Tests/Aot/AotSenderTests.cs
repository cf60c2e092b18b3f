using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// The sample sender as a Native AOT binary: the warnings-as-errors publish shows no trim/AOT warning outside the reviewed
/// allow-list, the binary's self-test runs the real pipeline (KMS over HTTP to a loopback stand-in speaking the KMS JSON
/// protocol, SendGrid over HTTP to a loopback stand-in) and posts the JIT build's bytes, and it needs glibc ≤ 2.34.
/// </summary>
public sealed partial class AotSenderTests(AotSenderFixture fixture) : IClassFixture<AotSenderFixture>
{
    private const string ApiKey = "SG.aot-self-test.do-not-log";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);

    /// <summary>What each default template must show: recipient, code, link and names (null: not in that email).</summary>
    public static TheoryData<string, string, string?, string?> Expected => new()
    {
        { "AccountTakeOverNotification", "jane.doe@example.com", null, "Lisbon, Portugal" },
        { "AdminCreateUser", "jane.doe@example.com", "https://app.example.com", "jane.doe" },
        { "Authentication", "jane.doe@example.com", "https://app.example.com", null },
        { "ForgotPassword", "jane.doe@example.com", "https://app.example.com/reset-password?code=246810&username=jane.doe", null },
        { "ResendCode", "jane.doe@example.com", "https://app.example.com/verify?code=654321&username=jane.doe", null },
        { "SignUp", "jane.doe@example.com", "https://app.example.com/verify?code=123456&username=jane.doe", null },
        { "UpdateUserAttribute", "jane.new@example.com", "https://app.example.com", null },
        { "VerifyUserAttribute", "jane.doe@example.com", "https://app.example.com", null },
    };

    [Fact]
    public void Publish_WarningsAsErrors_NoTrimOrAotWarningOutsideTheAllowList()
    {
        var log = fixture.PublishLog;
        var seen = AotAllowList.Diagnostic().Matches(log).Select(m => $"{m.Groups["code"].Value} {AotAllowList.TypeOrMember(m.Groups["member"].Value)}").ToHashSet(StringComparer.Ordinal);
        var ours = seen.Where(s => s.Contains(" Exanubes.", StringComparison.Ordinal)).ToList();
        var unlisted = seen.Except(AotAllowList.ThirdParty).ToList();

        Assert.True(File.Exists(fixture.AotBinary));
        Assert.Empty(ours);
        Assert.True(unlisted.Count == 0, "Trim/AOT warnings not on the reviewed allow-list:\n" + string.Join("\n", unlisted));
        Assert.DoesNotContain("IL2104", log, StringComparison.Ordinal);   // a single per-assembly summary would hide details
        Assert.Contains("-p:TrimmerSingleWarn=false", AotSenderFixture.AotPublishArguments("o", "a"));
        Assert.Contains("-p:TreatWarningsAsErrors=true", AotSenderFixture.AotPublishArguments("o", "a"));
    }

    [Fact]
    public void Diagnostic_Pattern_ReadsCodeAndMember()
    {
        var m = AotAllowList.Diagnostic().Match("/x/Fluid/Values/FluidValue.cs(12): Trim analysis warning IL2075: Fluid.Values.FluidValue.Create(Object,TemplateOptions): 'this' argument");

        Assert.Equal("IL2075", m.Groups["code"].Value);
        Assert.Equal("Fluid.Values.FluidValue.Create", m.Groups["member"].Value);
        Assert.Equal("Fluid.MemberAccessStrategyExtensions", AotAllowList.TypeOrMember("Fluid.MemberAccessStrategyExtensions.<>c__DisplayClass3_1.<<GetTypeMembers>b__1>d.MoveNext"));
    }

    [Fact]
    public async Task SelfTest_AotBinary_RendersEveryTemplateAndPostsTheJitBuildsBytes()
    {
        var aot = await RunSelfTestAsync(fixture.AotBinary, []);
        var jit = await RunSelfTestAsync("dotnet", [fixture.JitAssembly]);

        Assert.False(aot.Runtime.GetProperty("isDynamicCodeSupported").GetBoolean());
        Assert.True(jit.Runtime.GetProperty("isDynamicCodeSupported").GetBoolean());
        Assert.True(aot.Runtime.GetProperty("invariantGlobalization").GetBoolean());
        Assert.Equal(string.Empty, aot.Runtime.GetProperty("currentCulture").GetString());
        var names = Expected.Select(row => (string)row[0]).ToList();
        Assert.Equal(names.Count, aot.Bodies.Count);
        for (var i = 0; i < names.Count; i++)
        {
            Assert.True(Encoding.UTF8.GetBytes(aot.Bodies[i]).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(jit.Bodies[i])), $"{names[i]}: the AOT body differs from the JIT body.\nAOT: {aot.Bodies[i]}\nJIT: {jit.Bodies[i]}");
        }

        foreach (var row in Expected)
        {
            var (name, to, link, shown) = ((string)row[0], (string)row[1], (string?)row[2], (string?)row[3]);
            using var body = JsonDocument.Parse(aot.Bodies[names.IndexOf(name)]);
            var root = body.RootElement;
            Assert.Equal("Example App", root.GetProperty("from").GetProperty("name").GetString());
            Assert.Equal(to, root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
            var text = root.GetProperty("content")[0].GetProperty("value").GetString()!;
            var html = root.GetProperty("content")[1].GetProperty("value").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("subject").GetString()), name);
            if (Fixtures.Codes[name] is { } code)
            {
                Assert.Contains(code, text, StringComparison.Ordinal);
                Assert.Contains(System.Net.WebUtility.HtmlEncode(code).Replace("&#39;", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
            }

            if (link is not null)
            {
                Assert.Contains(link, text, StringComparison.Ordinal);
            }

            if (shown is not null)
            {
                Assert.Contains(shown, text, StringComparison.Ordinal);
                Assert.Contains(shown, html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Binary_GlibcSymbolVersions_AtMostAmazonLinux2023s()
    {
        string output;
        try
        {
            using var objdump = Process.Start(new ProcessStartInfo("objdump", ["-T", fixture.AotBinary]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            output = await objdump.StandardOutput.ReadToEndAsync();
            await objdump.WaitForExitAsync();
            Assert.Equal(0, objdump.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("objdump (binutils) is needed to check the binary's glibc symbol versions; install binutils. The check is never skipped.", ex);
        }

        var versions = GlibcVersion().Matches(output).Select(m => new Version(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(versions);
        var highest = versions.Max()!;
        Assert.True(highest <= new Version(2, 34), $"The binary needs GLIBC_{highest}; provided.al2023 has glibc 2.34.");
    }

    private static async Task<SelfTestRun> RunSelfTestAsync(string fileName, string[] prefix)
    {
        await using var sendGrid = new LoopbackSendGridServer();
        await using var kms = new LoopbackKmsStandIn(FakeKeyManagementService.KeyArn, [(FakeKeyManagementService.EncryptedDataKey, FakeKeyManagementService.DataKey)]);
        var events = Path.Combine(AppContext.BaseDirectory, "Events", "Fixtures");
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in prefix.Concat(["--self-test", events]))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["EmailSender__KmsKeyArn"] = FakeKeyManagementService.KeyArn,
                     ["EmailSender__UserPoolId"] = Fixtures.UserPoolId,
                     ["EmailSender__KmsServiceUrl"] = kms.Url.ToString(),
                     ["EmailSender__AppUrl"] = "https://app.example.com",
                     ["EmailSender__FromAddress"] = "no-reply@example.com",
                     ["EmailSender__FromName"] = "Example App",
                     ["Mailer__Kind"] = "SendGrid",
                     ["SendGrid__ApiKey"] = ApiKey,
                     ["SendGrid__BaseUrl"] = sendGrid.BaseUrl.ToString(),
                     ["AWS_REGION"] = "eu-west-1",
                     ["AWS_ACCESS_KEY_ID"] = "AKIDSELFTEST",
                     ["AWS_SECRET_ACCESS_KEY"] = "self-test-secret",
                     ["AWS_EC2_METADATA_DISABLED"] = "true",
                 })
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Wait);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{fileName} --self-test failed ({process.ExitCode}):\n{output}");
        Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);

        var lines = output.Split('\n').Where(l => l.StartsWith("SELFTEST ", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l["SELFTEST ".Length..]).RootElement).ToList();
        var runtime = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "runtime");
        Assert.All(lines.Where(l => l.GetProperty("kind").GetString() == "event"), l => Assert.True(l.GetProperty("ok").GetBoolean(), l.ToString()));
        Assert.Equal(7, kms.Decrypts);
        Assert.All(sendGrid.Requests, r => Assert.Equal("/v3/mail/send", r.Path));
        return new SelfTestRun(runtime, sendGrid.Requests.Select(r => r.Body).ToList());
    }

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex GlibcVersion();

    private sealed record SelfTestRun(JsonElement Runtime, IReadOnlyList<string> Bodies);
}
