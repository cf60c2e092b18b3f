using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreAuthenticationEvent))]
[JsonSerializable(typeof(PostAuthenticationEvent))]
internal sealed partial class AuthenticationJsonContext : JsonSerializerContext;
