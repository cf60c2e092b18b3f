using System.Diagnostics;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Exanubes.Cognito.Sample.LocalStack.Stack;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// The local stack runs the sample sender as its own process through the Lambda Runtime API (the loop it runs on
/// provided.al2023), the Native AOT binary when one is built and the JIT build otherwise, and says which.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed class LocalStackSenderTests(DemoStackFixture fixture)
{
    [Fact]
    public void Stack_Started_SenderIsASeparateProcessPollingTheRuntimeApiAndTheLogSaysWhichBuild()
    {
        var name = fixture.Stack.Options.EmailSenderFunctionName;
        var description = fixture.Stack.LambdaHost.Environments[name];
        Assert.NotNull(description);
        var pid = int.Parse(description![(description.LastIndexOf("pid ", StringComparison.Ordinal) + 4)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(Environment.ProcessId, pid);
        using (var process = Process.GetProcessById(pid))
        {
            Assert.False(process.HasExited);
        }

        Assert.Matches(@"^127\.0\.0\.1:\d+$", fixture.Stack.LambdaHost.RuntimeApis[name]);
        var logs = fixture.Logs.GetSnapshot().Select(r => r.Message).ToList();
        var expected = description.StartsWith("Native AOT", StringComparison.Ordinal) ? "Native AOT build, Lambda Runtime API loop" : "JIT build, Lambda Runtime API loop";
        Assert.Contains(logs, m => m.Contains($"Function {name} started: {description.Split(", pid", 2)[0]}", StringComparison.Ordinal));
        Assert.Contains(logs, m => m.Contains("Exanubes.Cognito.Sample.EmailSender: " + expected, StringComparison.Ordinal));   // printed by the child's Main
    }

    [Fact]
    public void Choose_AotBinaryOlderThanASenderSource_AutoRunsJitAndSaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("exanubes-aot-stale-");
        try
        {
            var binary = Path.Combine(folder.FullName, "Exanubes.Cognito.Sample.EmailSender");
            File.WriteAllBytes(binary, []);
            File.SetLastWriteTimeUtc(binary, DateTime.UtcNow.AddHours(-1));
            var source = Path.Combine(folder.FullName, "src", "Exanubes.Cognito.EmailSender", "Pipeline", "Edited.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, "// edited after the AOT publish");
            var options = new LocalStackOptions { SenderAotBinary = binary };

            var stale = EmailSenderProcess.Choose(options, folder.FullName);
            Assert.StartsWith("JIT build", stale.Description, StringComparison.Ordinal);
            Assert.Contains("is older than src/Exanubes.Cognito.EmailSender/Pipeline/Edited.cs", stale.Description, StringComparison.Ordinal);
            Assert.Contains(EmailSenderProcess.AotPublishCommand, stale.Description, StringComparison.Ordinal);

            var forced = EmailSenderProcess.Choose(new LocalStackOptions { SenderAotBinary = binary, SenderRuntime = "Aot" }, folder.FullName);
            Assert.Equal(binary, forced.File);
            Assert.Contains("older than src/Exanubes.Cognito.EmailSender/Pipeline/Edited.cs", forced.Description, StringComparison.Ordinal);

            File.SetLastWriteTimeUtc(binary, DateTime.UtcNow.AddMinutes(1));
            Assert.Equal(binary, EmailSenderProcess.Choose(options, folder.FullName).File);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Choose_AutoWithAndWithoutTheAotBinary_AotWhenBuiltElseJit()
    {
        var folder = Directory.CreateTempSubdirectory("exanubes-aot-choice-");
        try
        {
            var binary = Path.Combine(folder.FullName, "Exanubes.Cognito.Sample.EmailSender");
            var options = new LocalStackOptions { SenderAotBinary = binary };

            var jit = EmailSenderProcess.Choose(options, folder.FullName);
            Assert.EndsWith("Exanubes.Cognito.Sample.EmailSender.dll", Assert.Single(jit.Arguments), StringComparison.Ordinal);
            Assert.StartsWith("JIT build", jit.Description, StringComparison.Ordinal);
            Assert.Contains(EmailSenderProcess.AotPublishCommand, jit.Description, StringComparison.Ordinal);

            var missing = Assert.Throws<InvalidOperationException>(() => EmailSenderProcess.Choose(new LocalStackOptions { SenderAotBinary = binary, SenderRuntime = "Aot" }, folder.FullName));
            Assert.Contains(EmailSenderProcess.AotPublishCommand, missing.Message, StringComparison.Ordinal);

            File.WriteAllBytes(binary, []);
            var aot = EmailSenderProcess.Choose(options, folder.FullName);
            Assert.Equal(binary, aot.File);
            Assert.Empty(aot.Arguments);
            Assert.StartsWith("Native AOT binary " + binary, aot.Description, StringComparison.Ordinal);

            Assert.StartsWith("JIT build", EmailSenderProcess.Choose(new LocalStackOptions { SenderAotBinary = binary, SenderRuntime = "Jit" }, folder.FullName).Description, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => EmailSenderProcess.Choose(new LocalStackOptions { SenderRuntime = "Wasm" }, folder.FullName));
            Assert.Equal(Path.Combine(folder.FullName, "artifacts", "email-sender-aot", "Exanubes.Cognito.Sample.EmailSender"), EmailSenderProcess.AotBinaryPath(new LocalStackOptions(), folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
