using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Reads the protocol's timestamps: seconds since the epoch as a JSON number (<c>1.593727045E9</c>), as AWS sends them;
/// also accepts an ISO 8601 string (cognito-local sends those). Writes epoch seconds.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDouble();
            return FromSeconds(seconds);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }
        }

        throw new JsonException("Expected a timestamp as epoch seconds or ISO 8601.");
    }

    // AWS sends milliseconds at most; rounding to them avoids binary floating-point noise (…37.9489998).
    private static DateTimeOffset FromSeconds(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).TotalSeconds);
    }
}
