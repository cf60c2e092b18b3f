using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.SmsSender.Tests.Support;

/// <summary>
/// Custom SMS Sender events shaped as the AWS developer guide documents them, with real codes: each is the committed
/// custom-sender fixture of the same source (code encrypted by the JS Encryption SDK for pool eu-west-1_TestPool1) with
/// the SMS trigger source, the SMS request type and a phone number.
/// </summary>
internal static class SmsEvents
{
    public const string UserPoolId = "eu-west-1_TestPool1";
    public const string ClientId = "4l5v7u2m1k3j6h8g9f0e1d2c3b";
    public const string Phone = "+15555550123";

    /// <summary>The plaintext code in each fixture (trigger source without the prefix).</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["SignUp"] = "123456",
        ["ResendCode"] = "654321",
        ["ForgotPassword"] = "246810",
        ["UpdateUserAttribute"] = "135790",
        ["VerifyUserAttribute"] = "112233",
        ["AdminCreateUser"] = "Tmp<&\"'>Pw1!",
        ["Authentication"] = "98765432",
    };

    public static TheoryData<string> Names() => [.. Codes.Keys];

    /// <summary>The SMS event for a source, as a mutable JSON tree (to break one thing).</summary>
    public static JsonObject Node(string name, string? phone = Phone)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")))!.AsObject();
        node["triggerSource"] = "CustomSMSSender_" + name;
        var request = node["request"]!.AsObject();
        request["type"] = "customSMSSenderRequestV1";
        var attributes = request["userAttributes"]!.AsObject();
        attributes.Remove("email");
        attributes.Remove("email_verified");
        if (phone is not null)
        {
            attributes["phone_number"] = phone;
            attributes["phone_number_verified"] = "false";
        }

        return node;
    }

    public static byte[] Bytes(string name, string? phone = Phone) => ToBytes(Node(name, phone));

    public static byte[] ToBytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);

    public static MemoryStream Stream(JsonNode node) => new(ToBytes(node));
}
