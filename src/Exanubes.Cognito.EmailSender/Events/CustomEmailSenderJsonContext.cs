using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Source-generated (reflection-free) JSON metadata for the event model.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow, AllowTrailingCommas = false)]
[JsonSerializable(typeof(CustomEmailSenderEvent))]
internal sealed partial class CustomEmailSenderJsonContext : JsonSerializerContext;
