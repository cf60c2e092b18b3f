using System.Diagnostics;
using System.Globalization;

namespace Exanubes.Cognito.Benchmarks.ColdStart;

/// <summary>
/// Cold start of a Custom Email Sender, as whole processes: a fresh process that builds the function, handles one
/// sign-up event (JS-ESDK-encrypted code, KMS answered in-process, development mailer) and exits, against a fresh
/// hello-world process of the same app. Prints both medians, their ratio and the warm per-event time.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Runs = 15;

    public static int Run()
    {
        Measure("JIT (dotnet build output)", FindChild());
        Measure("ReadyToRun (dotnet publish -r linux-x64 -p:PublishReadyToRun=true, as a Lambda zip would ship)", PublishReadyToRun());
        return 0;
    }

    private static void Measure(string variant, string child)
    {
        var env = new Dictionary<string, string>
        {
            ["EmailSender__KmsKeyArn"] = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["EmailSender__UserPoolId"] = "eu-west-1_TestPool1",
            ["EmailSender__AppUrl"] = "https://app.example.com",
            ["EmailSender__FromAddress"] = "no-reply@example.com",
            ["EmailSender__SuppressDuplicates"] = "false",
            ["AWS_REGION"] = "eu-west-1",
        };

        Console.WriteLine();
        Console.WriteLine($"coldstart [{variant}]: {Runs} runs per case (interleaved), {Environment.ProcessorCount} cores");

        // One untimed run of each warms the OS file cache.
        RunChild(child, "hello", env);
        RunChild(child, "sender", env);

        var hello = new List<double>();
        var helloCpu = new List<double>();
        var sender = new List<double>();
        var senderCpu = new List<double>();
        var inProcess = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var h = RunChild(child, "hello", env);
            hello.Add(h.WallMs);
            helloCpu.Add(h.CpuMs);
            var s = RunChild(child, "sender", env);
            sender.Add(s.WallMs);
            senderCpu.Add(s.CpuMs);
            inProcess.Add(ParseAfter(s.Stderr, "first-event-ms"));
        }

        var warm = RunChild(child, "warm", env, "2000").Stderr;
        var helloMedian = Median(hello);
        var senderMedian = Median(sender);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hello-world process        median {helloMedian,8:F1} ms   (min {hello.Min():F1}, max {hello.Max():F1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sender process (1 event)   median {senderMedian,8:F1} ms   (min {sender.Min():F1}, max {sender.Max():F1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio sender / hello              {senderMedian / helloMedian,8:F2} x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which in-process: build + first event median {Median(inProcess):F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU time until exit (user+sys, as the child reports it; less sensitive to a loaded machine): hello {Median(helloCpu):F1} ms, sender {Median(senderCpu):F1} ms, ratio {Median(senderCpu) / Median(helloCpu):F2} x"));
        Console.WriteLine($"warm per event (2000 events after 50 warm-up): {warm.Trim()}");
    }

    private static string PublishReadyToRun()
    {
        var project = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(FindChild()))))!;
        var output = Path.Combine(project, "bin", "r2r");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the ReadyToRun child failed:\n{stdout.Result}\n{stderr.Result}");
        }

        return Path.Combine(output, "Exanubes.Cognito.Benchmarks.ColdStartChild");
    }

    private static (double WallMs, double CpuMs, string Stderr) RunChild(string child, string mode, IReadOnlyDictionary<string, string> env, string? arg = null)
    {
        var psi = new ProcessStartInfo(child)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(mode);
        if (arg is not null)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            psi.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"child '{mode}' exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }

        return (wall, ParseAfter(stderr.Result, "cpu-ms"), stderr.Result);
    }

    private static double ParseAfter(string text, string label)
    {
        var at = text.IndexOf(label, StringComparison.Ordinal);
        return at < 0 ? double.NaN : double.Parse(text[(at + label.Length)..].Trim().Split(' ', '\n')[0], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string FindChild()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "Exanubes.Cognito.Benchmarks.ColdStartChild", "bin", configuration, "net10.0", "Exanubes.Cognito.Benchmarks.ColdStartChild");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The coldstart child is not built; run: dotnet build -c Release bench/Exanubes.Cognito.Benchmarks.ColdStartChild");
    }
}
