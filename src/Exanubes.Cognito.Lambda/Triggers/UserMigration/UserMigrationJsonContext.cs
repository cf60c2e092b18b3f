using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserMigrationEvent))]
internal sealed partial class UserMigrationJsonContext : JsonSerializerContext;
