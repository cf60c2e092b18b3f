using System.Text.Json;
using Exanubes.Cognito.UserPools;
using Exanubes.EncryptionSdk;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Parses an event and checks the fields the pipeline relies on, naming the field in every error.</summary>
internal static class CustomEmailSenderEventReader
{
    public static CustomEmailSenderEvent Read(ReadOnlySpan<byte> utf8Json)
    {
        CustomEmailSenderEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(utf8Json, CustomEmailSenderJsonContext.Default.CustomEmailSenderEvent);
        }
        catch (JsonException ex)
        {
            var field = FieldFromPath(ex.Path);
            throw new CustomEmailSenderEventException(
                field,
                field.Length == 0
                    ? $"The Custom Email Sender event is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."
                    : $"The Custom Email Sender event has a malformed '{field}' (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): expected the type Cognito documents for it.",
                ex);
        }

        if (evt is null)
        {
            throw new CustomEmailSenderEventException(string.Empty, "The Custom Email Sender event is JSON null; expected an object.");
        }

        Check(evt);
        return evt;
    }

    /// <summary>Checks an event built in code or parsed: required fields and the request type.</summary>
    public static void Check(CustomEmailSenderEvent evt)
    {
        if (string.IsNullOrEmpty(evt.TriggerSource.Value))
        {
            throw Missing("triggerSource");
        }

        if (string.IsNullOrEmpty(evt.UserPoolId))
        {
            throw Missing("userPoolId");
        }

        if (!CognitoUserPoolId.TryParse(evt.UserPoolId, out _))
        {
            throw new CustomEmailSenderEventException(
                "userPoolId",
                $"The Custom Email Sender event has 'userPoolId' = '{UntrustedText.Safe(evt.UserPoolId)}', which is not a user pool id; expected {CognitoUserPoolId.ExpectedFormat}.");
        }

        if (evt.Request is null)
        {
            throw Missing("request");
        }

        if (!string.Equals(evt.Request.Type, CustomEmailSenderRequest.TypeV1, StringComparison.Ordinal))
        {
            throw new CustomEmailSenderEventException(
                "request.type",
                evt.Request.Type is null
                    ? $"The Custom Email Sender event has no 'request.type'; expected '{CustomEmailSenderRequest.TypeV1}'."
                    : $"The Custom Email Sender event has 'request.type' = '{UntrustedText.Safe(evt.Request.Type)}'; only '{CustomEmailSenderRequest.TypeV1}' is supported (is the trigger configured with LambdaVersion V1_0?).");
        }

        if (evt.Request.UserAttributes is null)
        {
            throw Missing("request.userAttributes");
        }
    }

    private static CustomEmailSenderEventException Missing(string field)
        => new(field, $"The Custom Email Sender event has no '{field}'; Cognito always sends it.");

    private static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return string.Empty;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
