using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DefineAuthChallengeEvent))]
[JsonSerializable(typeof(CreateAuthChallengeEvent))]
[JsonSerializable(typeof(VerifyAuthChallengeResponseEvent))]
internal sealed partial class AuthChallengeJsonContext : JsonSerializerContext;
