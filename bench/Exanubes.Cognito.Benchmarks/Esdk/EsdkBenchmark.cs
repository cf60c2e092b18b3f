using System.Diagnostics;
using static Exanubes.Cognito.Benchmarks.Esdk.RateMeter;
using System.Security.Cryptography;
using Exanubes.Cognito.Benchmarks.Builds;
using Exanubes.EncryptionSdk;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>
/// Decrypts a Cognito-shaped 0x0378 message with <see cref="EncryptionSdkDecryptor"/> and, as the floor, runs the same
/// primitives directly (unwrap, HKDF-SHA384, header tag, one AES-GCM frame, point import and ECDSA P-384 verify), in this
/// JIT process and inside a Native AOT binary (bench/Exanubes.Cognito.Benchmarks.EsdkNative, one fresh process per
/// round). Short rounds alternate between JIT reader, JIT floor, the AOT child (reader then floor) and the JS ESDK
/// (when peers/ is installed), so background load hits all alike; the medians are reported, as wall-clock rates and as
/// rates per CPU-second of the measuring process.
/// </summary>
internal static class EsdkBenchmark
{
    private const double TargetRatio = 0.95;
    private const double TargetRate = 800; // twice the JS ESDK's ~400/s on this machine
    private const int Rounds = 10;

    public static int Run()
    {
        var fixture = CognitoShapedMessage.Create();
        var decryptor = new EncryptionSdkDecryptor(new RawAesKeyring(CognitoShapedMessage.KeyNamespace, CognitoShapedMessage.KeyName, fixture.WrappingKey));
        bool Ours() => decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.Length == 6;
        bool FloorRun() => EsdkFloor.Run(fixture);

        if (!decryptor.DecryptAsync(fixture.Message).GetAwaiter().GetResult().Plaintext.AsSpan().SequenceEqual(fixture.Code) || !FloorRun())
        {
            Console.Error.WriteLine("esdk: the reader or the floor did not recover the code");
            return 1;
        }

        var compressed = Convert.FromBase64String(fixture.PublicKeyBase64);
        Console.WriteLine($"esdk: Cognito-shaped v1/0x0378 message, {fixture.Message.Length} bytes, 6-byte code, raw AES keyring; {Environment.ProcessorCount} cores, load shared with other work; {Rounds} interleaved rounds");
        var native = Path.Combine(BenchBuilds.Publish("esdk-native-aot", "bench/Exanubes.Cognito.Benchmarks.EsdkNative/Exanubes.Cognito.Benchmarks.EsdkNative.csproj",
            ["bench/Exanubes.Cognito.Benchmarks.EsdkNative", "bench/Exanubes.Cognito.Benchmarks/Esdk"], "-r", "linux-x64", "-p:PublishAot=true", "-p:TreatWarningsAsErrors=true"), "Exanubes.Cognito.Benchmarks.EsdkNative");
        Rate(Ours, TimeSpan.FromSeconds(1.5));
        Rate(FloorRun, TimeSpan.FromSeconds(1.5));

        var js = JsReference.TryCreate(fixture, out var jsProblem);
        var ours = new List<double>();
        var floor = new List<double>();
        var oursCpu = new List<double>();
        var floorCpu = new List<double>();
        var aot = new List<double>();
        var aotFloor = new List<double>();
        var aotCpu = new List<double>();
        var aotFloorCpu = new List<double>();
        var jsWall = new List<double>();
        var jsCpu = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            ours.Add(Rate(Ours, TimeSpan.FromSeconds(1), out var cpu));
            oursCpu.Add(cpu);
            floor.Add(Rate(FloorRun, TimeSpan.FromSeconds(1), out cpu));
            floorCpu.Add(cpu);
            var child = NativeRound(native, 1);
            aot.Add(child.Reader);
            aotCpu.Add(child.ReaderCpu);
            aotFloor.Add(child.Floor);
            aotFloorCpu.Add(child.FloorCpu);
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
        var aotRatio = Median(aot) / Median(aotFloor);
        Console.WriteLine($"  JIT reader (EncryptionSdkDecryptor.DecryptAsync) {oursMedian,9:F0} msg/s wall, {oursCpuMedian,6:F0} msg/CPU-s   rounds: {Join(ours)}");
        Console.WriteLine($"  JIT floor  (same primitives, called directly)    {floorMedian,9:F0} msg/s wall, {Median(floorCpu),6:F0} msg/CPU-s   rounds: {Join(floor)}");
        Console.WriteLine($"  JIT ratio reader/floor                           {ratio,9:F3} wall, {oursCpuMedian / Median(floorCpu):F3} CPU   (target >= {TargetRatio})");
        Console.WriteLine($"  AOT reader (Native AOT child, {Path.GetFileName(native)}) {Median(aot),9:F0} msg/s wall, {Median(aotCpu),6:F0} msg/CPU-s   rounds: {Join(aot)}");
        Console.WriteLine($"  AOT floor                                        {Median(aotFloor),9:F0} msg/s wall, {Median(aotFloorCpu),6:F0} msg/CPU-s   rounds: {Join(aotFloor)}");
        Console.WriteLine($"  AOT ratio reader/floor                           {aotRatio,9:F3} wall, {Median(aotCpu) / Median(aotFloorCpu):F3} CPU   (target >= {TargetRatio})");
        Console.WriteLine($"  AOT reader / JIT reader                          {Median(aot) / oursMedian,9:F3} wall");
        if (jsWall.Count > 0)
        {
            Console.WriteLine($"  JS ESDK measured now, same shape, same rounds    {Median(jsWall),9:F0} msg/s wall, {Median(jsCpu),6:F0} msg/CPU-s   rounds: {Join(jsWall)}");
            Console.WriteLine($"  JIT reader / JS ESDK measured now                {oursMedian / Median(jsWall),9:F2}x wall, {oursCpuMedian / Median(jsCpu):F2}x CPU");
            Console.WriteLine($"  AOT reader / JS ESDK measured now                {Median(aot) / Median(jsWall),9:F2}x wall, {Median(aotCpu) / Median(jsCpu):F2}x CPU");
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
        Console.WriteLine($"  verdict: JIT reader/floor >= {TargetRatio}: {Verdict(ratio >= TargetRatio)}; AOT reader/floor >= {TargetRatio}: {Verdict(aotRatio >= TargetRatio)}; JIT >= {TargetRate} msg/s wall: {Verdict(oursMedian >= TargetRate)}"
            + $" (CPU-time rate {Verdict(oursCpuMedian >= TargetRate)}){(jsWall.Count > 0 ? $"; JIT >= 2x the JS ESDK measured in this run: {Verdict(oursMedian / Median(jsWall) >= 2)}" : string.Empty)}");
        return 0;
    }

    private static (double Reader, double ReaderCpu, double Floor, double FloorCpu) NativeRound(string binary, int seconds)
    {
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Native AOT ESDK child failed: {error}");
        }

        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        if (!root.GetProperty("native").GetBoolean())
        {
            throw new InvalidOperationException("The ESDK child reports dynamic code support: it is not a Native AOT build.");
        }

        return (root.GetProperty("reader").GetDouble(), root.GetProperty("readerCpu").GetDouble(), root.GetProperty("floor").GetDouble(), root.GetProperty("floorCpu").GetDouble());
    }

    private static string Verdict(bool ok) => ok ? "PASS" : "MISS";

    private static string Join(List<double> rates) => string.Join(" ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
}
