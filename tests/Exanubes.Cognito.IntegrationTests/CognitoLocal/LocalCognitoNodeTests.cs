using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// The local Cognito's own node tests (<c>node --test tests/local-cognito/test/</c>), run from <c>dotnet test</c> so CI
/// runs them: each emulator check is proven present when on and absent when switched off (LOCAL_COGNITO_OFF).
/// </summary>
public sealed partial class LocalCognitoNodeTests
{
    [Fact]
    public async Task NodeTestSuite_AllPass()
    {
        await NodePeers.EnsureInstalledAsync();
        var psi = new ProcessStartInfo(NodePeers.Node)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--test");
        psi.ArgumentList.Add(Path.Combine("tests", "local-cognito", "test") + Path.DirectorySeparatorChar);
        psi.Environment["COGNITO_LOCAL_DIR"] = Path.Combine(NodePeers.NodeModules, "cognito-local");

        var output = new StringBuilder();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("node --test did not finish in 10 minutes:\n" + Text(output));
            }
        }

        process.WaitForExit(); // drains the redirected output
        var text = Text(output);
        Assert.True(process.ExitCode == 0, $"node --test exited with {process.ExitCode}:\n{text}");
        var pass = Summary().Match(text);
        Assert.True(pass.Success, "no pass count in the node test output:\n" + text);
        Assert.True(int.Parse(pass.Groups[1].Value, CultureInfo.InvariantCulture) > 0, "node --test ran no tests:\n" + text);
        Assert.Matches(@"(?m)^# fail 0$", text);
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"(?m)^# pass (\d+)$")]
    private static partial Regex Summary();
}
