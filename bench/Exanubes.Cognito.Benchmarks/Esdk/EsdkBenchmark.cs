using System.Diagnostics;
using System.Security.Cryptography;
using Exanubes.EncryptionSdk;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>
/// Decrypts a Cognito-shaped 0x0378 message with <see cref="EncryptionSdkDecryptor"/> and, as the floor, runs the same
/// primitives directly (unwrap, HKDF-SHA384, header tag, one AES-GCM frame, point import and ECDSA P-384 verify).
/// Short rounds alternate between the two (and the JS ESDK, when peers/ is installed) so background load hits all alike;
/// the medians are reported, as wall-clock rates and as rates per CPU-second of the measuring process.
/// </summary>
internal static class EsdkBenchmark
{
    private const double TargetRatio = 0.85;
    private const double TargetRate = 800; // twice the JS ESDK's ~400/s on this machine

    public static int Run()
    {
        var fixture = CognitoShapedMessage.Create();
        var decryptor = new EncryptionSdkDecryptor(new RawAesKeyring(CognitoShapedMessage.KeyNamespace, CognitoShapedMessage.KeyName, fixture.WrappingKey));
        bool Ours() => decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.Length == 6;
        bool FloorRun() => Floor(fixture);

        if (!decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.AsSpan().SequenceEqual(fixture.Code) || !FloorRun())
        {
            Console.Error.WriteLine("esdk: the reader or the floor did not recover the code");
            return 1;
        }

        var compressed = Convert.FromBase64String(fixture.PublicKeyBase64);
        Console.WriteLine($"esdk: Cognito-shaped v1/0x0378 message, {fixture.Message.Length} bytes, 6-byte code, raw AES keyring; {Environment.ProcessorCount} cores, load shared with other work");
        Rate(Ours, TimeSpan.FromSeconds(1.5));
        Rate(FloorRun, TimeSpan.FromSeconds(1.5));

        var js = JsReference.TryCreate(fixture, out var jsProblem);
        var ours = new List<double>();
        var floor = new List<double>();
        var oursCpu = new List<double>();
        var floorCpu = new List<double>();
        var jsWall = new List<double>();
        var jsCpu = new List<double>();
        for (var round = 0; round < 10; round++)
        {
            ours.Add(Rate(Ours, TimeSpan.FromSeconds(1), out var cpu));
            oursCpu.Add(cpu);
            floor.Add(Rate(FloorRun, TimeSpan.FromSeconds(1), out cpu));
            floorCpu.Add(cpu);
            if (round % 2 == 0 && js?.Measure(2) is var (wall, jsCpuRate))
            {
                jsWall.Add(wall);
                jsCpu.Add(jsCpuRate);
            }
        }

        var oursMedian = Median(ours);
        var floorMedian = Median(floor);
        var ratio = oursMedian / floorMedian;
        var oursCpuMedian = Median(oursCpu);
        Console.WriteLine($"  reader (EncryptionSdkDecryptor.DecryptAsync)     {oursMedian,9:F0} msg/s wall, {oursCpuMedian,6:F0} msg/CPU-s   rounds: {Join(ours)}");
        Console.WriteLine($"  floor  (same primitives, called directly)        {floorMedian,9:F0} msg/s wall, {Median(floorCpu),6:F0} msg/CPU-s   rounds: {Join(floor)}");
        Console.WriteLine($"  ratio reader/floor                               {ratio,9:F3} wall, {oursCpuMedian / Median(floorCpu):F3} CPU   (target >= {TargetRatio})");
        Console.WriteLine($"  reader vs JS ESDK (~400 msg/s on this machine)   {oursMedian / 400,9:F2}x wall, {oursCpuMedian / 400:F2}x CPU  (target >= 2x, i.e. >= {TargetRate} msg/s)");
        if (jsWall.Count > 0)
        {
            Console.WriteLine($"  JS ESDK measured now, same message, same rounds  {Median(jsWall),9:F0} msg/s wall, {Median(jsCpu),6:F0} msg/CPU-s   rounds: {Join(jsWall)}");
            Console.WriteLine($"  reader / JS ESDK measured now                    {oursMedian / Median(jsWall),9:F2}x wall, {oursCpuMedian / Median(jsCpu):F2}x CPU");
        }
        else
        {
            Console.WriteLine($"  JS ESDK not measured in this run: {jsProblem}");
        }

        var naive = Rate(() => { using var e = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP384, Q = new ECPoint { X = compressed[1..], Y = ReferenceDecompression.Decompress(compressed) } }); return true; }, TimeSpan.FromSeconds(1.5));
        var limbs = Rate(() => { using var e = EcPublicKey.ImportWithParameters(compressed); return true; }, TimeSpan.FromSeconds(1.5));
        var route = Rate(() => { using var e = EcPublicKey.Import(compressed); return true; }, TimeSpan.FromSeconds(1.5));
        var decompressBig = Rate(() => ReferenceDecompression.Decompress(compressed) is not null, TimeSpan.FromSeconds(1));
        var decompressLimbs = Rate(() => EcPublicKey.Decompress(compressed).Q.Y is not null, TimeSpan.FromSeconds(1));
        Console.WriteLine($"  point import (compressed P-384 -> ECDsa), per key: BigInteger.ModPow + ECParameters {1e6 / naive:F0} us; "
            + $"limbs + ECParameters {1e6 / limbs:F0} us; {(EcPublicKey.UsesCertificateRoute ? "X.509/OpenSSL route (used)" : "portable route (used)")} {1e6 / route:F0} us");
        Console.WriteLine($"  decompression alone: BigInteger.ModPow {1e6 / decompressBig:F0} us, Montgomery limbs {1e6 / decompressLimbs:F0} us");
        Console.WriteLine($"  (msg/CPU-s = messages per second of this process's CPU time: less sensitive to other processes on a shared machine)");
        Console.WriteLine($"  verdict: ratio >= {TargetRatio}: {Verdict(ratio >= TargetRatio)}; >= {TargetRate} msg/s wall: {Verdict(oursMedian >= TargetRate)}"
            + $" (CPU-time rate {Verdict(oursCpuMedian >= TargetRate)}){(jsWall.Count > 0 ? $"; >= 2x the JS ESDK measured in this run: {Verdict(oursMedian / Median(jsWall) >= 2)}" : string.Empty)}");
        return 0;
    }

    /// <summary>The same cryptographic work with no parsing, no keyring abstraction and precomputed offsets.</summary>
    private static bool Floor(CognitoShapedMessage f)
    {
        var m = f.Message.AsSpan();
        Span<byte> dataKey = stackalloc byte[32];
        using (var wrap = new AesGcm(f.WrappingKey, 16))
        {
            wrap.Decrypt(f.EdkIv, f.EdkCiphertext.AsSpan(0, 32), f.EdkCiphertext.AsSpan(32), dataKey, f.CanonicalContext);
        }

        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA384, dataKey, key, [], f.HkdfInfo);
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(m.Slice(f.HeaderIvOffset, 12), [], m.Slice(f.HeaderIvOffset + 12, 16), [], m[..f.HeaderBodyLength]);
        Span<byte> code = stackalloc byte[6];
        aes.Decrypt(m.Slice(f.FrameIvOffset, 12), m.Slice(f.FrameIvOffset + 16, 6), m.Slice(f.FrameIvOffset + 22, 16), code, f.FrameAad);
        using var ecdsa = EcPublicKey.Import(Convert.FromBase64String(f.PublicKeyBase64));
        return ecdsa.VerifyData(m[..f.BodyEnd], m[(f.BodyEnd + 2)..], HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static string Verdict(bool ok) => ok ? "PASS" : "MISS";

    private static string Join(List<double> rates) => string.Join(" ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    private static double Rate(Func<bool> action, TimeSpan duration) => Rate(action, duration, out _);

    private static double Rate(Func<bool> action, TimeSpan duration, out double perCpuSecond)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.Elapsed < duration)
        {
            if (!action())
            {
                throw new InvalidOperationException("benchmark step failed");
            }

            n++;
        }

        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        perCpuSecond = n / (process.TotalProcessorTime - cpu0).TotalSeconds;
        return n / wall;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
