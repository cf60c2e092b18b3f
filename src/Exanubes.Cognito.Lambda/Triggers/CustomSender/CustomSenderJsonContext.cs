using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomSmsSenderEvent))]
internal sealed partial class CustomSenderJsonContext : JsonSerializerContext;
