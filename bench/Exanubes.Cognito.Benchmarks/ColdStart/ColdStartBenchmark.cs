using System.Diagnostics;
using System.Globalization;
using Exanubes.Cognito.Benchmarks.Builds;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the sample sender as Lambda runs it: each side is a fresh process, timed from spawn to its first
/// response posted to a loopback Lambda Runtime API host (tests/Exanubes.Cognito.TestSupport/LambdaRuntime). The senders
/// decrypt with the real KMS client of their ecosystem (AWSSDK.KeyManagementService; @aws-sdk/client-kms under
/// @aws-crypto/client-node) over HTTP against a loopback stand-in speaking the KMS JSON protocol, and POST the mail over
/// HTTP to a loopback SendGrid stand-in; nothing on the measured path is faked in process. Sides: the Native AOT, JIT and
/// ReadyToRun senders, a .NET AOT hello and a .NET JIT hello (the same Runtime API loop answering {}), the Node sender
/// script (node-sender.cjs: the seed's work with the JS Encryption SDK) and <c>node -e 0</c>. Interleaved rounds with a
/// rotating order, medians; peak RSS is the process's VmHWM after its first response (<c>node -e 0</c>: /usr/bin/time's
/// maximum RSS, measured apart from its timing). Then the warm per-event time of every Runtime API side.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Rounds = 7;
    private const int WarmEvents = 200;
    private const int WarmRounds = 5;
    private const string KeyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string NodeScript = "Node sender";
    private const string AotSender = "AOT sender";
    private static readonly byte[] DataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] EncryptedDataKey = "fake-kms-ciphertext-blob:exanubes-tests"u8.ToArray();
    private static readonly string[] Events = ["SignUp", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute", "AdminCreateUser", "Authentication"];

    public static async Task<int> RunAsync()
    {
        var (aot, jit) = SenderBuilds.Find();
        Console.WriteLine($"coldstart: {Rounds} interleaved rounds, {Environment.ProcessorCount} cores; AOT {aot}; JIT {jit}");
        var r2r = Path.Combine(BenchBuilds.Publish("sender-r2r", "samples/Exanubes.Cognito.Sample.EmailSender/Exanubes.Cognito.Sample.EmailSender.csproj",
            ["samples/Exanubes.Cognito.Sample.EmailSender", "src/Exanubes.Cognito.EmailSender", "src/Exanubes.Cognito/UserPools"], "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"), "Exanubes.Cognito.Sample.EmailSender.dll");
        const string hello = "bench/Exanubes.Cognito.Benchmarks.Hello/Exanubes.Cognito.Benchmarks.Hello.csproj";
        string[] helloInputs = ["bench/Exanubes.Cognito.Benchmarks.Hello"];
        var helloAot = Path.Combine(BenchBuilds.Publish("hello-aot", hello, helloInputs, "-r", "linux-x64", "-p:PublishAot=true", "-p:TreatWarningsAsErrors=true"), "Exanubes.Cognito.Benchmarks.Hello");
        var helloJit = Path.Combine(BenchBuilds.Publish("hello-jit", hello, helloInputs), "Exanubes.Cognito.Benchmarks.Hello.dll");
        var nodeSender = Path.Combine(RepoPaths.Root, "bench", "Exanubes.Cognito.Benchmarks", "ColdStart", "node-sender.cjs");
        var sides = new Side[]
        {
            new(AotSender, aot, [], Sender: true),
            new("JIT sender", "dotnet", [jit], Sender: true),
            new("R2R sender", "dotnet", [r2r], Sender: true),
            new("AOT hello", helloAot, [], Sender: false),
            new("JIT hello", "dotnet", [helloJit], Sender: false),
            new(NodeScript, NodePeers.Node, [nodeSender], Sender: true),
        };

        var wall = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var rss = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var nodeZero = new List<double>();
        foreach (var side in sides)
        {
            await RunSideAsync(side, 0, warm: 0);   // untimed: warms the file cache and proves each side works
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Rotate the order every round so no side always runs first (or right after the heaviest one).
            foreach (var side in sides.Skip(round % sides.Length).Concat(sides.Take(round % sides.Length)))
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

        var nodeZeroKb = await NodeZeroPeakKbAsync();
        var nodeWall = Median(wall[NodeScript]);
        var nodeRss = Median(rss[NodeScript]);
        Console.WriteLine($"{"side",-12} {"wall ms (median)",18} {"peak RSS MB",12} {"wall / Node sender",20} {"RSS / Node sender",18}   rounds (ms)");
        foreach (var side in sides)
        {
            Console.WriteLine($"{side.Name,-12} {Median(wall[side.Name]),18:F1} {Median(rss[side.Name]) / 1024,12:F1} {Median(wall[side.Name]) / nodeWall,19:F3}x {Median(rss[side.Name]) / nodeRss,17:F3}x   {string.Join(" ", wall[side.Name].Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}");
        }

        Console.WriteLine($"{"node -e 0",-12} {Median(nodeZero),18:F1} {(nodeZeroKb is { } kb0 ? (kb0 / 1024).ToString("F1", CultureInfo.InvariantCulture) : "-"),12} {Median(nodeZero) / nodeWall,19:F3}x {(nodeZeroKb is { } kb1 ? (kb1 / nodeRss).ToString("F3", CultureInfo.InvariantCulture) + "x" : "-"),18}");
        var aotWall = Median(wall[AotSender]);
        var aotRss = Median(rss[AotSender]);
        Console.WriteLine($"AOT sender / JIT sender: wall {aotWall / Median(wall["JIT sender"]):F3}x, peak RSS {aotRss / Median(rss["JIT sender"]):F3}x; / R2R sender: wall {aotWall / Median(wall["R2R sender"]):F3}x");
        Console.WriteLine($"AOT sender / AOT hello: wall {aotWall / Median(wall["AOT hello"]):F3}x; JIT sender / JIT hello: wall {Median(wall["JIT sender"]) / Median(wall["JIT hello"]):F3}x; AOT sender / node -e 0: wall {aotWall / Median(nodeZero):F3}x");
        Console.WriteLine($"target AOT sender <= 0.15x the Node sender script (wall): {aotWall / nodeWall:F3}x {Verdict(aotWall / nodeWall <= 0.15)}");
        Console.WriteLine($"target AOT sender <= 0.5x the Node sender script (peak RSS): {aotRss / nodeRss:F3}x {Verdict(aotRss / nodeRss <= 0.5)}");

        // Warm: one process per side and round, its first event untimed, then WarmEvents events one after another.
        var warmSides = sides.Where(s => s.Name is AotSender or "JIT sender" or "AOT hello" or "JIT hello" or NodeScript).ToArray();
        var warmMs = warmSides.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 0; round < WarmRounds; round++)
        {
            foreach (var side in warmSides.Skip(round % warmSides.Length).Concat(warmSides.Take(round % warmSides.Length)))
            {
                warmMs[side.Name].Add((await RunSideAsync(side, round, WarmEvents)).WarmMs);
            }
        }

        Console.WriteLine($"warm per event ({WarmEvents} events after the first, one at a time through the Runtime API host, medians of {WarmRounds}):");
        foreach (var side in warmSides)
        {
            Console.WriteLine($"  {side.Name,-12} {Median(warmMs[side.Name]),8:F3} ms");
        }

        Console.WriteLine($"  AOT sender / JIT sender {Median(warmMs[AotSender]) / Median(warmMs["JIT sender"]):F3}x; the hellos show the host's own round trip, which every side pays");
        return 0;
    }

    private static string Verdict(bool met) => met ? "MET" : "MISSED";

    /// <summary>node -e 0's maximum RSS from /usr/bin/time (it exits before /proc could be read); null when time is missing.</summary>
    private static async Task<double?> NodeZeroPeakKbAsync()
    {
        if (!File.Exists("/usr/bin/time"))
        {
            return null;
        }

        var values = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var psi = new ProcessStartInfo("/usr/bin/time", ["-f", "%M", NodePeers.Node, "-e", "0"]) { RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(psi)!;
            var text = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            values.Add(double.Parse(text.Trim().Split('\n')[^1], CultureInfo.InvariantCulture));
        }

        return Median(values);
    }

    private sealed record Side(string Name, string File, string[] Args, bool Sender);

    private static async Task<(double WallMs, double PeakKb, double WarmMs)> RunSideAsync(Side side, int round, int warm)
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
                     ["PEERS_NODE_MODULES"] = Path.Combine(RepoPaths.Peers, "node_modules"),
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
                    var r = await host.InvokeAsync(side.Sender ? Fixture(Events[i % Events.Length]) : "{}"u8.ToArray()).WaitAsync(TimeSpan.FromMinutes(1));
                    if (!r.Succeeded)
                    {
                        throw new InvalidOperationException($"{side.Name}: warm event failed.");
                    }
                }

                warmMs = Stopwatch.GetElapsedTime(began).TotalMilliseconds / warm;
                if (side.Sender && sendGrid.Count != warm + 1)
                {
                    throw new InvalidOperationException($"{side.Name}: {sendGrid.Count} mails reached the SendGrid stand-in for {warm + 1} events.");
                }
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
