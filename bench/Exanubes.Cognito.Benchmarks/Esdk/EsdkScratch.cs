using System.Diagnostics;
using System.Security.Cryptography;
using Exanubes.Cognito.EmailSender.Encryption;

namespace Exanubes.Cognito.Benchmarks.Esdk;

internal static class EsdkScratch
{
    public static void Run()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var q = key.ExportParameters(false).Q;
        var compressed = new byte[49];
        compressed[0] = (byte)(2 | (q.Y![^1] & 1));
        q.X!.CopyTo(compressed, 1);
        var data = new byte[300];
        var sig = key.SignData(data, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
        Time("decompress BigInteger", () => EcPublicKey.DecompressWithBigInteger(compressed)); Time("decompress limbs", () => EcPublicKey.Decompress(compressed));
        var p = EcPublicKey.Decompress(compressed);
        Time("ECDsa.Create(params)", () => { using var e = ECDsa.Create(p); });
        using var e2 = ECDsa.Create(p);
        Time("VerifyData only", () => e2.VerifyData(data, sig, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence));
        Time("create+verify", () => { using var e = ECDsa.Create(p); e.VerifyData(data, sig, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence); });
    }

    private static void Time(string name, Action a)
    {
        for (var i = 0; i < 200; i++) a();
        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.ElapsedMilliseconds < 1500) { a(); n++; }
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMicroseconds / n:F1} us");
    }
}
