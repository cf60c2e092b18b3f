using System.Buffers.Text;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exanubes.Cognito.Benchmarks.Tokens;

/// <summary>
/// Token validation the way a server sees traffic, single-threaded, in one process and run, interleaved in rounds:
/// <list type="bullet">
/// <item>raw <c>RSA.VerifyData</c> (SHA-256, PKCS#1) over each token's signing input: the floor;</item>
/// <item><c>JsonWebTokenHandler</c> with the Cognito checks its users write (issuer, RS256, lifetime, JWKS keys, then
/// <c>token_use</c> and <c>client_id</c> from the payload): the peer;</item>
/// <item>ours, first sight with DEFAULT options (validated-token cache on): distinct tokens, each seen once;</item>
/// <item>ours, first sight with the cache off; and ours on a repeat token (cache on).</item>
/// </list>
/// Every token is distinct and Cognito-shaped; keys come through the real JWKS fetch path (a loopback stand-in
/// handler serves the JWKS once at warm-up, off the measured path). A <see cref="MeterListener"/> listens to every
/// instrument, so any metric's cost is in the figures; one more scenario, first sight with the cache off and no
/// listener, gives the cost of telemetry as the ratio with a listener versus without, in the same run. Prints the median over the rounds of each ratio and whether
/// the targets are met.
/// </summary>
internal static class TokenValidationBenchmark
{
    private const string PoolId = "eu-west-1_AbCdEf123";
    private const string ClientId = "4lp1e5i6d3mfl1bqg0t6k9o8e2";
    private const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/" + PoolId;
    private const int WarmupRounds = 2;
    /// <summary>Measured rounds: 11, or <c>BENCH_ROUNDS</c> (at least 5).</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) && r >= 5 ? r : 11;
    private const int Batch = 800;
    private const int Chunk = 16;
    private const int RepeatChunk = 16 * 64;

    public static async Task<int> RunAsync()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var total = (WarmupRounds + Rounds) * Batch;
        Console.WriteLine($"Token validation benchmark (.NET {Environment.Version}, {RuntimeText()}, single thread)");
        Console.Write($"signing {total} distinct Cognito-shaped access tokens ... ");
        var tokens = new string[total];
        Parallel.For(0, total, i => tokens[i] = AccessToken(rsa, now, i));
        var raws = tokens.Select(RawInput).ToArray();
        Console.WriteLine($"done ({tokens[0].Length} chars each, RSA-2048 RS256)");
        var jwks = JsonSerializer.Serialize(new { keys = new[] { Jwk(rsa) } });

        using var meters = ListenToEveryMeter();
        await using var defaults = await ValidatorAsync(jwks, configure: null);
        await using var cacheOff = await ValidatorAsync(jwks, o => o.ValidatedTokenCacheBytes = 0);
        await using var repeatHost = await ValidatorAsync(jwks, configure: null);
        // The telemetry-cost pair runs with the cache off, so the process holds one validated-token cache (that of the
        // default scenario), as an application does; a second cache would double the live heap every scenario's GC walks.
        await using var quietHost = await ValidatorAsync(jwks, o => o.ValidatedTokenCacheBytes = 0);
        var ours = defaults.GetRequiredService<ICognitoTokenValidator>();
        var oursOff = cacheOff.GetRequiredService<ICognitoTokenValidator>();
        var oursRepeat = repeatHost.GetRequiredService<ICognitoTokenValidator>();
        var oursQuiet = quietHost.GetRequiredService<ICognitoTokenValidator>();
        var peer = new JsonWebTokenHandler { MapInboundClaims = false };
        var parameters = PeerParameters(jwks);
        var repeatToken = tokens[0];

        bool Raw(int i) => rsa.VerifyData(raws[i].Input, raws[i].Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        bool Ours(ICognitoTokenValidator validator, string token)
        {
            var pending = validator.ValidateAccessTokenAsync(token);
            return pending.IsCompletedSuccessfully ? pending.Result.ClientId.Length > 0 : throw new InvalidOperationException("validation went asynchronous");
        }

        bool Peer(string token)
        {
            var result = peer.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
            return result.IsValid && result.SecurityToken is JsonWebToken jwt
                && jwt.TryGetPayloadValue<string>("token_use", out var use) && use == "access"
                && jwt.TryGetPayloadValue<string>("client_id", out var client) && client == ClientId;
        }

        var scenarios = new Scenario[]
        {
            new("raw RSA.VerifyData", (from, count) => Run(from, count, Raw)),
            new("JsonWebTokenHandler + Cognito checks", (from, count) => Run(from, count, i => Peer(tokens[i]))),
            new("ours, first sight, default options", (from, count) => Run(from, count, i => Ours(ours, tokens[i]))),
            new("ours, first sight, cache off", (from, count) => Run(from, count, i => Ours(oursOff, tokens[i]))),
            new("ours, repeat token", (_, _) => Run(0, RepeatChunk, _ => Ours(oursRepeat, repeatToken))),
            new("ours, first sight, cache off, no listener", (from, count) => meters.Quiet(() => Run(from, count, i => Ours(oursQuiet, tokens[i])))),
        };
        // JIT warm-up (tiered compilation and PGO reach their final code): every scenario cycles over the warm-up
        // tokens, with pauses for the background compiler; ours-default still sees its measured tokens for the first time.
        for (var pass = 0; pass < 6; pass++)
        {
            foreach (var scenario in scenarios)
            {
                scenario.Measure(pass % WarmupRounds * Batch, Batch);
            }

            Thread.Sleep(250);
        }

        for (var round = WarmupRounds; round < WarmupRounds + Rounds; round++)
        {
            // Fine interleaving: the scenarios take turns in chunks of a few tokens (about a millisecond), so each sees
            // the same machine load; a round's figure per scenario sums its chunks. The turn order rotates per chunk.
            var round0 = round * Batch;
            var parts = new Sample[scenarios.Length][];
            for (var k = 0; k < scenarios.Length; k++)
            {
                parts[k] = new Sample[Batch / Chunk];
            }

            for (var c = 0; c < Batch / Chunk; c++)
            {
                for (var k = 0; k < scenarios.Length; k++)
                {
                    var index = (c + k) % scenarios.Length;
                    parts[index][c] = scenarios[index].Measure(round0 + (c * Chunk), Chunk);
                }
            }

            if (round >= WarmupRounds)
            {
                for (var k = 0; k < scenarios.Length; k++)
                {
                    scenarios[k].Samples.Add(Sample.Sum(parts[k]));
                }
            }
        }

        var (raw, jwth, first, off, repeat, quiet) = (scenarios[0], scenarios[1], scenarios[2], scenarios[3], scenarios[4], scenarios[5]);
        Console.WriteLine();
        foreach (var s in scenarios)
        {
            Console.WriteLine(Text($"{s.Name,-40} {s.MedianRate,12:N0} ops/s  {s.BytesPerOp,9:N1} B/op  GCs {s.Gen0}/{s.Gen1}/{s.Gen2} (gen0/1/2)"));
        }

        Console.WriteLine();
        Console.WriteLine(UseCpuTime ? "rates from this thread's CPU time (BENCH_WALL_TIME=1 for wall time); wall-time rates: " + string.Join(", ", scenarios.Select(s => Text($"{s.Samples.Select(x => x.WallRate).Order().ElementAt(s.Samples.Count / 2):N0}"))) : "rates from wall time");
        Console.WriteLine($"median of {Rounds} rounds ({Batch} distinct tokens per scenario per round, interleaved in chunks of {Chunk}; a MeterListener on every instrument ({meters.Instruments}, {meters.Measurements} measurements) except in the no-listener scenario):");
        var met = true;
        met &= Report("first sight, default options / raw RSA", Ratio(first, raw), 0.90);
        met &= Report("first sight, default options / JsonWebTokenHandler", Ratio(first, jwth), 1.05);
        met &= Report("first sight, cache off / raw RSA", Ratio(off, raw), 0.93);
        met &= Report("repeat token / raw RSA", Ratio(repeat, raw), 50);
        Report("JsonWebTokenHandler / raw RSA (for reference)", Ratio(jwth, raw), 0);
        Report("telemetry cost: first sight (cache off) with listener / without", Ratio(off, quiet), 0);
        Console.WriteLine(Text($"our work besides the signature, first sight default: {(1e6 / first.MedianRate) - (1e6 / raw.MedianRate):0.00} us per token (raw verify {1e6 / raw.MedianRate:0.00} us)"));
        Console.WriteLine(met ? "all targets met" : "TARGETS NOT MET");
        return 0;
    }

    private static bool Report(string name, double ratio, double target)
    {
        var met = ratio >= target;
        Console.WriteLine(Text($"  {name,-55} {ratio,8:0.000}") + (target > 0 ? Text($"  target >= {target:0.00}  {(met ? "met" : "NOT MET")}") : string.Empty));
        return met;
    }

    /// <summary>The median over the rounds of the per-round ratio (both sides measured in the same round).</summary>
    private static double Ratio(Scenario ours, Scenario baseline)
    {
        var ratios = ours.Samples.Zip(baseline.Samples, (o, b) => o.Rate / b.Rate).Order().ToList();
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            Console.WriteLine("    rounds: " + string.Join(" ", ours.Samples.Zip(baseline.Samples, (o, b) => (o.Rate / b.Rate).ToString("0.000", CultureInfo.InvariantCulture))));
        }

        return ratios[ratios.Count / 2];
    }

    private static Sample Run(int from, int count, Func<int, bool> operation)
    {
        var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        var ok = true;
        for (var i = from; i < from + count; i++)
        {
            ok &= operation(i);
        }

        stopwatch.Stop();
        cpu = ThreadCpuSeconds() - cpu;
        if (!ok)
        {
            throw new InvalidOperationException("a token did not validate during measurement");
        }

        return new Sample(count, stopwatch.Elapsed.TotalSeconds, cpu, GC.GetAllocatedBytesForCurrentThread() - before,
            GC.CollectionCount(0) - gc.Item1, GC.CollectionCount(1) - gc.Item2, GC.CollectionCount(2) - gc.Item3);
    }

    private static TokenValidationParameters PeerParameters(string jwks) => new()
    {
        ValidIssuer = Issuer,
        ValidateAudience = false, // Cognito access tokens carry client_id, not aud: checked after validation
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(60),
    };

    private static async Task<ServiceProvider> ValidatorAsync(string jwks, Action<CognitoTokenValidationOptions>? configure)
    {
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = PoolId;
            o.ClientId = ClientId;
        });
        services.AddCognitoTokenValidation(configure ?? (_ => { }));
        services.AddHttpClient(JwksClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StaticJwks(jwks));
        var provider = services.BuildServiceProvider();
        foreach (var issuer in provider.GetRequiredService<CognitoUserPoolRegistry>().Issuers)
        {
            await issuer.Keys.RefreshAsync(); // the warm-up, off the measured path (both issuer forms)
        }

        return provider;
    }

    private static (byte[] Input, byte[] Signature) RawInput(string token)
    {
        var dot = token.LastIndexOf('.');
        return (Encoding.ASCII.GetBytes(token[..dot]), Base64Url.DecodeFromChars(token.AsSpan(dot + 1)));
    }

    private static string AccessToken(RSA rsa, long now, int i)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["kid"] = "bench-key-1", ["alg"] = "RS256" });
        var sub = Guid.NewGuid().ToString();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = sub,
            ["cognito:groups"] = new[] { "admin" },
            ["iss"] = Issuer,
            ["client_id"] = ClientId,
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["event_id"] = Guid.NewGuid().ToString(),
            ["token_use"] = "access",
            ["scope"] = "aws.cognito.signin.user.admin",
            ["auth_time"] = now - 60 - (i % 600),
            ["exp"] = now + 3600,
            ["iat"] = now - 60 - (i % 600),
            ["jti"] = Guid.NewGuid().ToString(),
            ["username"] = sub,
        });
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    private static Dictionary<string, string> Jwk(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return new()
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["kid"] = "bench-key-1",
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["use"] = "sig",
        };
    }

    private static MeterCounter ListenToEveryMeter()
    {
        var counter = new MeterCounter();
        counter.Listener.InstrumentPublished = (instrument, listener) =>
        {
            lock (counter.Published)
            {
                counter.Published.Add(instrument);
            }

            Interlocked.Increment(ref counter.Instruments);
            listener.EnableMeasurementEvents(instrument);
        };
        counter.Listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref counter.Measurements));
        counter.Listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref counter.Measurements));
        counter.Listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref counter.Measurements));
        counter.Listener.Start();
        return counter;
    }

    /// <summary>
    /// Rates from this thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>) rather than wall time: on a shared,
    /// overloaded machine wall time measures the scheduler. Garbage collection is counted too: the bench runs with
    /// non-concurrent workstation GC, so every collection runs on the thread that triggered it.
    /// </summary>
    private static readonly bool UseCpuTime = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("BENCH_WALL_TIME") != "1";

    private static double ThreadCpuSeconds()
    {
        if (!UseCpuTime)
        {
            return 0;
        }

        _ = ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts);
        return ts.Seconds + (ts.Nanoseconds / 1e9);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    private static string RuntimeText() => $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} cores";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A measurement: wall time, and the CPU time of this thread (which excludes time the OS gave to others).</summary>
    private sealed record Sample(long Count, double Seconds, double CpuSeconds, long Bytes, int Gen0, int Gen1, int Gen2)
    {
        public double Rate => Count / (UseCpuTime ? CpuSeconds : Seconds);

        public double WallRate => Count / Seconds;

        public double BytesPerOp => (double)Bytes / Count;

        public static Sample Sum(Sample[] parts) => new(
            parts.Sum(p => p.Count), parts.Sum(p => p.Seconds), parts.Sum(p => p.CpuSeconds), parts.Sum(p => p.Bytes), parts.Sum(p => p.Gen0), parts.Sum(p => p.Gen1), parts.Sum(p => p.Gen2));
    }

    private sealed class Scenario(string name, Func<int, int, Sample> measure)
    {
        public string Name { get; } = name;

        public List<Sample> Samples { get; } = [];

        public double MedianRate => Samples.Select(s => s.Rate).Order().ElementAt(Samples.Count / 2);

        public double BytesPerOp => Samples.Average(s => s.BytesPerOp);

        public int Gen0 => Samples.Sum(s => s.Gen0);

        public int Gen1 => Samples.Sum(s => s.Gen1);

        public int Gen2 => Samples.Sum(s => s.Gen2);

        public Sample Measure(int from, int count) => measure(from, count);
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private sealed class MeterCounter : IDisposable
    {
        public readonly MeterListener Listener = new();
        public readonly List<Instrument> Published = [];
        public int Instruments;
        public long Measurements;

        /// <summary>Runs <paramref name="measure"/> with no instrument listened to (so <c>Instrument.Enabled</c> is false), then listens again; the switching is outside the timed region.</summary>
        public Sample Quiet(Func<Sample> measure)
        {
            Instrument[] instruments;
            lock (Published)
            {
                instruments = [.. Published];
            }

            foreach (var instrument in instruments)
            {
                Listener.DisableMeasurementEvents(instrument);
            }

            try
            {
                return measure();
            }
            finally
            {
                foreach (var instrument in instruments)
                {
                    Listener.EnableMeasurementEvents(instrument);
                }
            }
        }

        public void Dispose() => Listener.Dispose();
    }

    private sealed class StaticJwks(string jwks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") });
    }
}
