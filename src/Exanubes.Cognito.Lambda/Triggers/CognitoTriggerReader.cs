using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Exanubes.Cognito.Lambda;

/// <summary>Reads a trigger event with source-generated JSON and checks it: the shared fields, the trigger source, the trigger's own request fields.</summary>
internal static class CognitoTriggerReader
{
    public static TEvent Read<TEvent>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<TEvent> typeInfo, IReadOnlyCollection<string> triggerSources)
        where TEvent : CognitoTriggerEvent
    {
        TEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            throw new CognitoTriggerEventException(field, $"is not valid for a {typeof(TEvent).Name} (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }

        if (evt is null)
        {
            throw new CognitoTriggerEventException("$", $"the event is JSON null, not a {typeof(TEvent).Name}.");
        }

        if (string.IsNullOrEmpty(evt.TriggerSource))
        {
            throw new CognitoTriggerEventException("triggerSource", "is missing.");
        }

        if (!triggerSources.Contains(evt.TriggerSource))
        {
            throw new CognitoTriggerEventException(
                "triggerSource",
                $"'{Safe(evt.TriggerSource)}' is not a {typeof(TEvent).Name} source; expected one of {string.Join(", ", triggerSources)}.");
        }

        if (string.IsNullOrEmpty(evt.UserPoolId))
        {
            throw new CognitoTriggerEventException("userPoolId", "is missing.");
        }

        evt.Validate();
        return evt;
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>At most 64 printable characters of an untrusted value, for an error message.</summary>
    internal static string Safe(string value)
    {
        var chars = value.Length > 64 ? value[..64] : value;
        return new string([.. chars.Select(c => char.IsControl(c) ? '?' : c)]) + (value.Length > 64 ? "…" : string.Empty);
    }
}
