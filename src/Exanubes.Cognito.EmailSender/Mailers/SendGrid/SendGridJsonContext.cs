using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>Source-generated (reflection-free, AOT-safe) JSON metadata for the SendGrid <c>mail/send</c> body.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendGridMailSendRequest))]
internal sealed partial class SendGridJsonContext : JsonSerializerContext;
