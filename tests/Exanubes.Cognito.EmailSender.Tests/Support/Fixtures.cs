using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.EmailSender.Tests.Support;

/// <summary>
/// The committed event fixtures (Events/Fixtures/*.json): real-shaped Custom Email Sender events whose codes were
/// encrypted by the official JS Encryption SDK (v1, suite 0x0378, context userpool-id) under the fake KMS key pair.
/// </summary>
public static class Fixtures
{
    public const string UserPoolId = "eu-west-1_TestPool1";
    public const string ClientId = "4l5v7u2m1k3j6h8g9f0e1d2c3b";

    /// <summary>The plaintext code encrypted in each fixture (trigger source name without the prefix).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Codes = new Dictionary<string, string?>
    {
        ["SignUp"] = "123456",
        ["ResendCode"] = "654321",
        ["ForgotPassword"] = "246810",
        ["UpdateUserAttribute"] = "135790",
        ["VerifyUserAttribute"] = "112233",
        ["AdminCreateUser"] = "Tmp<&\"'>Pw1!",
        ["Authentication"] = "98765432",
        ["AccountTakeOverNotification"] = null,
    };

    public static IEnumerable<object[]> Names => Codes.Keys.Select(k => new object[] { k });

    public static byte[] Bytes(string name)
        => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Events", "Fixtures", name + ".json"));

    public static CustomEmailSenderEvent Event(string name) => CustomEmailSenderEvent.Parse(Bytes(name));

    /// <summary>The fixture as a mutable JSON tree, to break one thing.</summary>
    public static JsonObject Node(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    public static byte[] ToBytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
