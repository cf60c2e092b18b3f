using System.Numerics;
using System.Security.Cryptography;

namespace Exanubes.Cognito.Srp;

/// <summary>
/// The device half of Cognito's remembered-device flow: the random device password, the salt and the SRP verifier
/// that <c>ConfirmDevice</c> registers (<c>DeviceSecretVerifierConfig</c>), computed over
/// <c>FullPassword = DeviceGroupKey + DeviceKey + ":" + DevicePassword</c>.
/// </summary>
/// <remarks>
/// <para>
/// The verifier is the user-SRP verifier <c>v = g^x mod N</c> with the device group key in place of the pool name and
/// the device key in place of the user id: <c>x = H(PAD(salt) | H(DeviceGroupKey | DeviceKey | ":" | DevicePassword))</c>.
/// Later sign-ins from the device answer DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER with the same password through
/// <see cref="CognitoSrpClient.ForDevice"/>. Salt and verifier travel base64-encoded, each in its padded form (a
/// leading zero byte when the top bit is set), as the AWS clients send them.
/// </para>
/// <para>
/// The device password is a secret equal in weight to a refresh token for MFA purposes: it lets this device skip
/// MFA. It never leaves the process except into the device store.
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
/// ("Getting a device key", "Signing in with a device").
/// </para>
/// </remarks>
internal static class CognitoDeviceSrp
{
    /// <summary>Random bytes in the device password (40, base64-encoded, as the AWS clients draw it).</summary>
    internal const int DevicePasswordBytes = 40;

    /// <summary>Random bytes in the device salt (16, as the AWS clients draw it).</summary>
    internal const int SaltBytes = 16;

    /// <summary>Draws a fresh device password and salt and computes the verifier for <c>ConfirmDevice</c>.</summary>
    /// <param name="deviceGroupKey">The device group key from <c>NewDeviceMetadata</c>.</param>
    /// <param name="deviceKey">The device key from <c>NewDeviceMetadata</c>.</param>
    /// <returns>The device password to keep and the salt and verifier to send.</returns>
    /// <exception cref="ArgumentException">A key is null or empty.</exception>
    public static CognitoDeviceVerifier CreateVerifier(string deviceGroupKey, string deviceKey)
    {
        Span<byte> password = stackalloc byte[DevicePasswordBytes];
        Span<byte> salt = stackalloc byte[SaltBytes];
        RandomNumberGenerator.Fill(password);
        RandomNumberGenerator.Fill(salt);
        try
        {
            return CreateVerifier(deviceGroupKey, deviceKey, Convert.ToBase64String(password), salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>Computes the verifier for a given device password and salt (known-answer tests).</summary>
    /// <param name="deviceGroupKey">The device group key.</param>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="devicePassword">The device password.</param>
    /// <param name="salt">The salt bytes as drawn (big-endian, unsigned).</param>
    /// <returns>The device password, salt and verifier.</returns>
    /// <exception cref="ArgumentException">A key or the password is null or empty, or the salt is zero.</exception>
    internal static CognitoDeviceVerifier CreateVerifier(string deviceGroupKey, string deviceKey, string devicePassword, ReadOnlySpan<byte> salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceGroupKey);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        ArgumentException.ThrowIfNullOrEmpty(devicePassword);
        var saltValue = new BigInteger(salt, isUnsigned: true, isBigEndian: true);
        if (saltValue.IsZero)
        {
            throw new ArgumentException("The device salt must not be zero.", nameof(salt));
        }

        var x = CognitoSrpClient.ComputeX(deviceGroupKey, deviceKey, devicePassword, saltValue);
        var verifier = BigInteger.ModPow(CognitoSrpClient.G, x, CognitoSrpClient.N);
        return new CognitoDeviceVerifier(
            devicePassword,
            Convert.ToBase64String(CognitoSrpClient.Pad(saltValue)),
            Convert.ToBase64String(CognitoSrpClient.Pad(verifier)));
    }
}
