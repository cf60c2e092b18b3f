using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Lambda.Tests.Triggers;

/// <summary>
/// Trigger events as the AWS Lambda trigger pages of the Cognito developer guide document them (shared parameters plus
/// each trigger's request and response), in Triggers/Fixtures. These are documented events, not captures.
/// </summary>
internal static class TriggerFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Triggers", "Fixtures", name + ".json"));

    public static JsonObject Node(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    public static byte[] ToBytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

    public static async Task<JsonObject> RunAsync<TEvent>(CognitoTriggerFunction<TEvent> function, byte[] input)
        where TEvent : CognitoTriggerEvent
    {
        using var stream = new MemoryStream(input);
        await using var output = await function.HandleAsync(stream);
        return (await JsonNode.ParseAsync(output))!.AsObject();
    }
}
