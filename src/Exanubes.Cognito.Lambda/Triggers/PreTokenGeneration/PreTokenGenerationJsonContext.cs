using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreTokenGenerationEvent))]
internal sealed partial class PreTokenGenerationJsonContext : JsonSerializerContext;
