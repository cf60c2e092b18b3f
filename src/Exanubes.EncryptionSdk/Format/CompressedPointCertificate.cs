using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// The X.509 route for a compressed point: a minimal, unsigned certificate template whose subject key is the point, so
/// the platform's loader (OpenSSL) decompresses it and rejects points off the curve (see <see cref="EcPublicKey"/>).
/// </summary>
internal sealed class CompressedPointCertificate
{
    private readonly byte[] _template;
    private readonly int _pointOffset;

    /// <summary>Builds the template for a named curve with field elements of <paramref name="size"/> bytes.</summary>
    public CompressedPointCertificate(string curveOid, int size)
    {
        (_template, _pointOffset) = Build(curveOid, size);
    }

    /// <summary>Loads the compressed point through the platform's X.509 loader.</summary>
    /// <exception cref="CryptographicException">The platform refused the point.</exception>
    public ECDsa? Import(ReadOnlySpan<byte> compressed)
    {
        var der = (byte[])_template.Clone();
        compressed.CopyTo(der.AsSpan(_pointOffset));
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return certificate.GetECDsaPublicKey();
    }

    private static (byte[] Template, int PointOffset) Build(string curveOid, int size)
    {
        const string EcdsaWithSha384 = "1.2.840.10045.4.3.3";
        var marker = new byte[size + 1];
        marker.AsSpan().Fill(0xA5);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(EcdsaWithSha384);
                }

                using (writer.PushSequence())
                {
                    // empty issuer
                }

                using (writer.PushSequence())
                {
                    writer.WriteUtcTime(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    writer.WriteUtcTime(new DateTimeOffset(2049, 1, 1, 0, 0, 0, TimeSpan.Zero));
                }

                using (writer.PushSequence())
                {
                    // empty subject
                }

                using (writer.PushSequence())
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                        writer.WriteObjectIdentifier(curveOid);
                    }

                    writer.WriteBitString(marker);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcdsaWithSha384);
            }

            writer.WriteBitString([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);
        }

        var template = writer.Encode();
        var offset = template.AsSpan().IndexOf(marker);
        return (template, offset);
    }
}
