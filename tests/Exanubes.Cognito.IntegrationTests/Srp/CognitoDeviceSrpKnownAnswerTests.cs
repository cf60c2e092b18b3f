using System.Numerics;
using System.Text.Json.Nodes;
using Exanubes.Cognito.Srp;
using Exanubes.Cognito.TestSupport;
using Exanubes.Cognito.Tests.Srp;

namespace Exanubes.Cognito.IntegrationTests.Srp;

/// <summary>
/// Known answers from amazon-cognito-identity-js for remembered devices (device-srp-kat.js): for a fixed device
/// password, salt, private value and clock, the DeviceSecretVerifierConfig we send with ConfirmDevice and our
/// DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER answers must equal what the JS library's own flows send, and the
/// test-side SRP server must accept the device proof.
/// </summary>
public sealed class CognitoDeviceSrpKnownAnswerTests
{
    private static readonly DeviceVector[] Vectors =
    [
        DeviceVector.FromSeed(1, saltFirstByte: 0x8a),
        DeviceVector.FromSeed(2, saltFirstByte: 0x00),
        DeviceVector.FromSeed(3, saltFirstByte: 0x3c),
        DeviceVector.FromSeed(4),
        DeviceVector.FromSeed(5),
        DeviceVector.FromSeed(6),
    ];

    private static readonly Lazy<Task<JsonArray>> JsAnswers = new(ComputeJsAnswersAsync);

    [Fact]
    public void Vectors_CoverEverySaltShape()
    {
        Assert.Contains(Vectors, v => v.DeviceSalt[0] >= 0x80);
        Assert.Contains(Vectors, v => v.DeviceSalt[0] == 0);
        Assert.Contains(Vectors, v => v.DeviceSalt[0] is > 0 and < 0x80);
        Assert.Contains(Vectors, v => SrpTestServer.PadHex(v.Server.Verifier).StartsWith("00", StringComparison.Ordinal));
        Assert.Contains(Vectors, v => !SrpTestServer.PadHex(v.Server.Verifier).StartsWith("00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateVerifier_FixedPasswordAndSalt_EqualsAmazonCognitoIdentityJsConfirmDevice()
    {
        var answers = await JsAnswers.Value;

        for (var i = 0; i < Vectors.Length; i++)
        {
            var vector = Vectors[i];
            var js = Answer(answers, i)["confirm"]!;
            var ours = CognitoDeviceSrp.CreateVerifier(vector.DeviceGroupKey, vector.DeviceKey, vector.DevicePassword, vector.DeviceSalt);

            Assert.Equal(vector.DeviceKey, (string?)js["deviceKey"]);
            Assert.True((string?)js["salt"] == ours.SaltBase64, $"Salt differs for {vector.Name}: js {js["salt"]}, ours {ours.SaltBase64}");
            Assert.True((string?)js["passwordVerifier"] == ours.PasswordVerifierBase64, $"PasswordVerifier differs for {vector.Name}");
            Assert.Equal(vector.Server.Verifier, new BigInteger(Convert.FromBase64String(ours.PasswordVerifierBase64), isUnsigned: true, isBigEndian: true));
        }
    }

    [Fact]
    public async Task DeviceSignIn_FixedInputs_EqualsAmazonCognitoIdentityJsDeviceAnswers()
    {
        var answers = await JsAnswers.Value;

        for (var i = 0; i < Vectors.Length; i++)
        {
            var vector = Vectors[i];
            var js = Answer(answers, i)["signIn"]!;
            var client = CognitoSrpClient.ForDevice(vector.DeviceGroupKey, vector.User.PrivateA);
            var timestamp = CognitoSrpClient.FormatTimestamp(vector.User.Now);

            var signature = client.ComputePasswordClaimSignature(
                vector.DeviceKey, vector.DevicePassword, vector.DeviceSrpBHex, vector.Server.SaltHex, Convert.ToBase64String(vector.DeviceSecretBlock), timestamp);

            // The library adds DEVICE_KEY to its PASSWORD_VERIFIER answer, not to InitiateAuth, on a fresh sign-in.
            Assert.Null((string?)js["initiateDeviceKey"]);
            Assert.Equal(vector.DeviceKey, (string?)js["passwordVerifierDeviceKey"]);
            Assert.Equal(vector.User.UserIdForSrp, (string?)js["deviceSrpAuth"]!["username"]);
            Assert.Equal(vector.DeviceKey, (string?)js["deviceSrpAuth"]!["deviceKey"]);
            Assert.Equal((string?)js["deviceSrpAuth"]!["srpA"], client.SrpAHex);
            var verifier = js["devicePasswordVerifier"]!;
            Assert.Equal(timestamp, (string?)verifier["timestamp"]);
            Assert.Equal(vector.DeviceKey, (string?)verifier["deviceKey"]);
            Assert.True((string?)verifier["signature"] == signature, $"device PASSWORD_CLAIM_SIGNATURE differs for {vector.Name}");
            Assert.True(vector.Server.Verify(SrpTestServer.ParseHex(client.SrpAHex), vector.DevicePrivateB, vector.DeviceSecretBlock, timestamp, signature), $"server rejected {vector.Name}");
        }
    }

    [Fact]
    public async Task DeviceSignIn_WrongDevicePassword_DiffersFromAmazonCognitoIdentityJs()
    {
        var answers = await JsAnswers.Value;
        var vector = Vectors[0];
        var client = CognitoSrpClient.ForDevice(vector.DeviceGroupKey, vector.User.PrivateA);
        var timestamp = CognitoSrpClient.FormatTimestamp(vector.User.Now);

        var signature = client.ComputePasswordClaimSignature(
            vector.DeviceKey, vector.DevicePassword + "x", vector.DeviceSrpBHex, vector.Server.SaltHex, Convert.ToBase64String(vector.DeviceSecretBlock), timestamp);

        Assert.NotEqual((string?)Answer(answers, 0)["signIn"]!["devicePasswordVerifier"]!["signature"], signature);
        Assert.False(vector.Server.Verify(SrpTestServer.ParseHex(client.SrpAHex), vector.DevicePrivateB, vector.DeviceSecretBlock, timestamp, signature));
    }

    private static JsonNode Answer(JsonArray answers, int index)
    {
        var answer = answers[index] ?? throw new InvalidOperationException($"no JS answer for vector {index}");
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"amazon-cognito-identity-js failed on {Vectors[index].Name}: {error}");
        }

        return answer;
    }

    private static async Task<JsonArray> ComputeJsAnswersAsync()
    {
        var input = new JsonArray([.. Vectors.Select(v => (JsonNode)new JsonObject
        {
            ["poolId"] = v.User.PoolId,
            ["clientId"] = "kat-client",
            ["username"] = v.User.Username,
            ["userIdForSrp"] = v.User.UserIdForSrp,
            ["password"] = v.User.Password,
            ["aHex"] = SrpTestServer.ToHex(v.User.PrivateA),
            ["srpBHex"] = v.User.SrpBHex,
            ["saltHex"] = v.User.SaltHex,
            ["secretBlock"] = Convert.ToBase64String(v.User.SecretBlock),
            ["nowMillis"] = v.User.Now.ToUnixTimeMilliseconds(),
            ["deviceKey"] = v.DeviceKey,
            ["deviceGroupKey"] = v.DeviceGroupKey,
            ["devicePassword"] = v.DevicePassword,
            ["deviceSaltHex"] = Convert.ToHexStringLower(v.DeviceSalt),
            ["deviceSrpBHex"] = v.DeviceSrpBHex,
            ["deviceChallengeSaltHex"] = v.Server.SaltHex,
            ["deviceSecretBlock"] = Convert.ToBase64String(v.DeviceSecretBlock),
        })]);

        var script = Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.IntegrationTests", "Srp", "device-srp-kat.js");
        var output = await NodeScript.RunAsync(script, [NodePeers.NodeModules], input.ToJsonString());
        var answers = JsonNode.Parse(output) as JsonArray ?? throw new InvalidOperationException($"device-srp-kat.js printed no JSON array: {output}");
        Assert.Equal(Vectors.Length, answers.Count);
        return answers;
    }

    /// <summary>One device known-answer input, derived from a seed; the user part reuses <see cref="SrpVector"/>.</summary>
    private sealed record DeviceVector(
        string Name,
        SrpVector User,
        string DeviceKey,
        string DeviceGroupKey,
        string DevicePassword,
        byte[] DeviceSalt,
        BigInteger DevicePrivateB,
        string DeviceSrpBHex,
        byte[] DeviceSecretBlock,
        SrpTestServer Server)
    {
        public override string ToString() => Name;

        public static DeviceVector FromSeed(int seed, byte? saltFirstByte = null)
        {
            var user = SrpVector.FromSeed(100 + seed);
            var rng = new Random(seed);
            var region = user.PoolId[..user.PoolId.IndexOf('_', StringComparison.Ordinal)];
            var deviceKey = $"{region}_{new Guid(Bytes(rng, 16))}";
            var groupKey = "-" + Convert.ToBase64String(Bytes(rng, 6)).Replace('+', 'A').Replace('/', 'B').Replace('_', 'C').TrimEnd('=');
            var password = Convert.ToBase64String(Bytes(rng, 40));
            var salt = Bytes(rng, 16);
            if (saltFirstByte is { } first)
            {
                salt[0] = first;
                salt[1] |= 0x80;
            }

            var privateB = new BigInteger(Bytes(rng, 128), isUnsigned: true, isBigEndian: true) + 2;
            var server = new SrpTestServer($"device_{groupKey}", deviceKey, password, salt);
            return new DeviceVector(
                $"device seed {seed}", user, deviceKey, groupKey, password, salt, privateB, SrpTestServer.ToHex(server.ComputeB(privateB)), Bytes(rng, rng.Next(64, 800)), server);
        }

        private static byte[] Bytes(Random rng, int count)
        {
            var bytes = new byte[count];
            rng.NextBytes(bytes);
            return bytes;
        }
    }
}
