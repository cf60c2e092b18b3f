using System.Diagnostics;
using System.Globalization;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the sample sender as Lambda runs it: each side is a fresh process, timed from spawn to its first
/// response posted to a loopback Lambda Runtime API host (tests/Exanubes.Cognito.TestSupport/LambdaRuntime). The senders
/// decrypt with the real AWSSDK KMS client over HTTP against a loopback stand-in speaking the KMS JSON protocol and POST
/// the mail over HTTP to a loopback SendGrid stand-in; nothing on the measured path is faked in process. Sides: the
/// Native AOT and JIT senders, and <c>node -e 0</c> (the .NET hellos, the ReadyToRun sender and the Node ESDK sender
/// script are not measured yet: the closing note says so). Interleaved rounds, medians; peak RSS is the process's VmHWM after its first response. Then the
/// warm per-event time, AOT against JIT.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Rounds = 7;
    private const int WarmEvents = 200;
    private const string KeyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly byte[] DataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] EncryptedDataKey = "fake-kms-ciphertext-blob:exanubes-tests"u8.ToArray();
    private static readonly string[] Events = ["SignUp", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute", "AdminCreateUser", "Authentication"];

    public static async Task<int> RunAsync()
    {
        var (aot, jit) = SenderBuilds.Find();
        Console.WriteLine($"coldstart: {Rounds} interleaved rounds, {Environment.ProcessorCount} cores; AOT {aot}; JIT {jit}");
        var sides = new (string Name, string File, string[] Args, bool Sender)[]
        {
            ("AOT sender", aot, [], true),
            ("JIT sender", "dotnet", [jit], true),
        };

        var wall = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var rss = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var nodeZero = new List<double>();
        await RunSideAsync(sides[0], 0, warm: 0);   // untimed: warms the file cache
        await RunSideAsync(sides[1], 0, warm: 0);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                var (ms, kb, _) = await RunSideAsync(side, round, warm: 0);
                wall[side.Name].Add(ms);
                rss[side.Name].Add(kb);
            }

            var started = Stopwatch.GetTimestamp();
            using (var node = Process.Start(new ProcessStartInfo(NodePeers.Node, ["-e", "0"]) { UseShellExecute = false })!)
            {
                await node.WaitForExitAsync();
            }

            nodeZero.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine($"{"side",-12} {"wall ms (median)",18} {"peak RSS MB",12}");
        foreach (var side in sides)
        {
            Console.WriteLine($"{side.Name,-12} {Median(wall[side.Name]),18:F1} {Median(rss[side.Name]) / 1024,12:F1}");
        }

        Console.WriteLine($"{"node -e 0",-12} {Median(nodeZero),18:F1} {"-",12}");
        var wallRatio = Median(wall["AOT sender"]) / Median(wall["JIT sender"]);
        var rssRatio = Median(rss["AOT sender"]) / Median(rss["JIT sender"]);
        Console.WriteLine($"AOT sender / JIT sender: wall {wallRatio:F3}x, peak RSS {rssRatio:F3}x");
        Console.WriteLine($"AOT sender / node -e 0: wall {Median(wall["AOT sender"]) / Median(nodeZero):F3}x");
        Console.WriteLine("Node ESDK sender script: NOT MEASURED (bench/ has no Node sender yet), so the targets 'AOT <= 0.15x the Node script (wall)' and '<= 0.5x (peak RSS)' are NOT CHECKED.");

        var warmAot = new List<double>();
        var warmJit = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            warmAot.Add((await RunSideAsync(sides[0], round, WarmEvents)).WarmMs);
            warmJit.Add((await RunSideAsync(sides[1], round, WarmEvents)).WarmMs);
        }

        Console.WriteLine($"warm per event ({WarmEvents} events after the first, medians of 5): AOT {Median(warmAot):F3} ms, JIT {Median(warmJit):F3} ms, AOT/JIT {Median(warmAot) / Median(warmJit):F3}x");
        return 0;
    }

    private static async Task<(double WallMs, double PeakKb, double WarmMs)> RunSideAsync((string Name, string File, string[] Args, bool Sender) side, int round, int warm)
    {
        await using var host = LambdaRuntimeHost.Start();
        await using var kms = new LoopbackKmsStandIn(KeyArn, [(EncryptedDataKey, DataKey)]);
        await using var sendGrid = new LoopbackSendGrid();
        var start = new ProcessStartInfo(side.File) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in side.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["AWS_LAMBDA_RUNTIME_API"] = host.RuntimeApi,
                     ["EmailSender__KmsKeyArn"] = KeyArn,
                     ["EmailSender__UserPoolId"] = "eu-west-1_TestPool1",
                     ["EmailSender__KmsServiceUrl"] = kms.Url.ToString(),
                     ["EmailSender__AppUrl"] = "https://app.example.com",
                     ["EmailSender__FromAddress"] = "no-reply@example.com",
                     ["EmailSender__FromName"] = "Example App",
                     ["EmailSender__SuppressDuplicates"] = "false",
                     ["Mailer__Kind"] = "SendGrid",
                     ["SendGrid__ApiKey"] = "SG.bench",
                     ["SendGrid__BaseUrl"] = sendGrid.BaseUrl.ToString(),
                     ["AWS_REGION"] = "eu-west-1",
                     ["AWS_ACCESS_KEY_ID"] = "AKIDBENCH",
                     ["AWS_SECRET_ACCESS_KEY"] = "bench-secret",
                     ["AWS_EC2_METADATA_DISABLED"] = "true",
                 })
        {
            start.Environment[key] = value;
        }

        var payload = side.Sender ? Fixture(Events[round % Events.Length]) : "{}"u8.ToArray();
        var first = host.InvokeAsync(payload);   // queued before spawn: the process finds it on its first next
        var spawned = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var result = await first.WaitAsync(TimeSpan.FromMinutes(2));
            var wallMs = Stopwatch.GetElapsedTime(spawned, result.PostedAt).TotalMilliseconds;
            if (!result.Succeeded || (side.Sender && sendGrid.Count != 1))
            {
                throw new InvalidOperationException($"{side.Name}: the first event failed: {System.Text.Encoding.UTF8.GetString(result.Body)}");
            }

            var peakKb = PeakKb(process.Id);
            double warmMs = 0;
            if (warm > 0)
            {
                var began = Stopwatch.GetTimestamp();
                for (var i = 0; i < warm; i++)
                {
                    var r = await host.InvokeAsync(Fixture(Events[i % Events.Length])).WaitAsync(TimeSpan.FromMinutes(1));
                    if (!r.Succeeded)
                    {
                        throw new InvalidOperationException($"{side.Name}: warm event failed.");
                    }
                }

                warmMs = Stopwatch.GetElapsedTime(began).TotalMilliseconds / warm;
            }

            return (wallMs, peakKb, warmMs);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double PeakKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No VmHWM for process {pid}.");
    }

    private static byte[] Fixture(string name)
        => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.EmailSender.Tests", "Events", "Fixtures", name + ".json"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
