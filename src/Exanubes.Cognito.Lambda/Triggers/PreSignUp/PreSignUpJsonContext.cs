using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreSignUpEvent))]
internal sealed partial class PreSignUpJsonContext : JsonSerializerContext;
