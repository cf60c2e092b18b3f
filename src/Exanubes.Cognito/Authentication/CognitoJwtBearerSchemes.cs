namespace Exanubes.Cognito.Authentication;

/// <summary>The JwtBearer schemes added by <c>AddCognitoJwtBearer</c>; other JwtBearer schemes are left alone.</summary>
internal sealed class CognitoJwtBearerSchemes
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}
