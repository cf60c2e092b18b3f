using System.Numerics;
using System.Security.Cryptography;
using Exanubes.Cognito.Srp;

namespace Exanubes.Cognito.Tests.Srp;

public sealed class CognitoDeviceSrpTests
{
    private const string GroupKey = "-Q7xGr0upKey";
    private const string DeviceKey = "eu-west-1_5f0c7a1e-8d2b-4c3a-9e1f-0123456789ab";
    private const string Timestamp = "Sun Nov 29 06:05:09 UTC 2026";

    [Fact]
    public void CreateVerifier_FreshDevice_TestServerAcceptsDeviceProof()
    {
        var device = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);
        var server = ServerFor(device);

        Assert.Equal(server.Verifier, Unsigned(device.PasswordVerifierBase64));
        Assert.True(DeviceProofVerifies(server, device.DevicePassword, DeviceKey));
    }

    [Fact]
    public void CreateVerifier_WrongDevicePassword_TestServerRejects()
    {
        var device = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);

        Assert.False(DeviceProofVerifies(ServerFor(device), device.DevicePassword + "x", DeviceKey));
    }

    [Fact]
    public void CreateVerifier_OtherDeviceKey_TestServerRejects()
    {
        var device = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);

        Assert.False(DeviceProofVerifies(ServerFor(device), device.DevicePassword, DeviceKey + "0"));
    }

    [Fact]
    public void CreateVerifier_TwoCalls_DrawFreshPasswordAndSalt()
    {
        var first = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);
        var second = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);

        Assert.NotEqual(first.DevicePassword, second.DevicePassword);
        Assert.NotEqual(first.SaltBase64, second.SaltBase64);
        Assert.Equal(CognitoDeviceSrp.DevicePasswordBytes, Convert.FromBase64String(first.DevicePassword).Length);
    }

    [Theory]
    [InlineData("8a1b2c3d4e5f60718a1b2c3d4e5f6071", "008a1b2c3d4e5f60718a1b2c3d4e5f6071")]
    [InlineData("001b2c3d4e5f60718a1b2c3d4e5f6071", "1b2c3d4e5f60718a1b2c3d4e5f6071")]
    [InlineData("0a1b2c3d4e5f60718a1b2c3d4e5f6071", "0a1b2c3d4e5f60718a1b2c3d4e5f6071")]
    public void CreateVerifier_SaltShapes_SendsPaddedSalt(string drawnHex, string sentHex)
    {
        var device = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey, "pw", Convert.FromHexString(drawnHex));

        Assert.Equal(sentHex, Convert.ToHexStringLower(Convert.FromBase64String(device.SaltBase64)));
    }

    [Fact]
    public void CreateVerifier_ZeroSalt_Throws()
        => Assert.Throws<ArgumentException>(() => CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey, "pw", new byte[16]));

    [Fact]
    public void ToString_NeverPrintsDevicePassword()
    {
        var device = CognitoDeviceSrp.CreateVerifier(GroupKey, DeviceKey);

        Assert.DoesNotContain(device.DevicePassword, device.ToString(), StringComparison.Ordinal);
    }

    private static SrpTestServer ServerFor(CognitoDeviceVerifier device)
        => new($"device_{GroupKey}", DeviceKey, device.DevicePassword, Convert.FromBase64String(device.SaltBase64));

    private static BigInteger Unsigned(string base64) => new(Convert.FromBase64String(base64), isUnsigned: true, isBigEndian: true);

    private static bool DeviceProofVerifies(SrpTestServer server, string devicePassword, string deviceKey)
    {
        var client = CognitoSrpClient.ForDevice(GroupKey);
        var privateB = new BigInteger(RandomNumberGenerator.GetBytes(128), isUnsigned: true, isBigEndian: true);
        var secretBlock = RandomNumberGenerator.GetBytes(96);
        var signature = client.ComputePasswordClaimSignature(
            deviceKey, devicePassword, SrpTestServer.ToHex(server.ComputeB(privateB)), server.SaltHex, Convert.ToBase64String(secretBlock), Timestamp);
        return server.Verify(SrpTestServer.ParseHex(client.SrpAHex), privateB, secretBlock, Timestamp, signature);
    }
}
