using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Reads and writes <see cref="CustomEmailSenderTriggerSource"/> as its wire string.</summary>
internal sealed class CustomEmailSenderTriggerSourceJsonConverter : JsonConverter<CustomEmailSenderTriggerSource>
{
    public override CustomEmailSenderTriggerSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected a string");
        }

        var value = reader.GetString();
        return string.IsNullOrEmpty(value) ? default : new CustomEmailSenderTriggerSource(value);
    }

    public override void Write(Utf8JsonWriter writer, CustomEmailSenderTriggerSource value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
