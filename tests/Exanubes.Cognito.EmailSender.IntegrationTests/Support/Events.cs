using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Support;

/// <summary>Builds real-shaped Custom Email Sender events around a code.</summary>
public static class Events
{
    public const string UserPoolId = "eu-west-1_TestPool1";
    public const string ClientId = "4l5v7u2m1k3j6h8g9f0e1d2c3b";

    public static JsonObject Create(string triggerSource, string? code, string email, string userPoolId = UserPoolId) => new()
    {
        ["version"] = "1",
        ["triggerSource"] = triggerSource,
        ["region"] = "eu-west-1",
        ["userPoolId"] = userPoolId,
        ["userName"] = "jane.doe",
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = ClientId },
        ["request"] = new JsonObject
        {
            ["type"] = "customEmailSenderRequestV1",
            ["code"] = code,
            ["clientMetadata"] = null,
            ["userAttributes"] = new JsonObject { ["sub"] = Guid.NewGuid().ToString(), ["email_verified"] = "false", ["email"] = email },
        },
        ["response"] = new JsonObject(),
    };

    public static MemoryStream Stream(JsonNode node) => new(JsonSerializer.SerializeToUtf8Bytes(node));
}
