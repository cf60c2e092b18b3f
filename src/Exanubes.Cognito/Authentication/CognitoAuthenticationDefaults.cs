namespace Exanubes.Cognito.Authentication;

/// <summary>Default names used by the ASP.NET Core wiring of Cognito token validation.</summary>
public static class CognitoAuthenticationDefaults
{
    /// <summary>The default authentication scheme of <c>AddCognitoJwtBearer</c>: <c>Bearer</c> (the JwtBearer default).</summary>
    public const string AuthenticationScheme = "Bearer";

    /// <summary>The authentication type of identities built from Cognito tokens: <c>Cognito</c>.</summary>
    public const string AuthenticationType = "Cognito";

    /// <summary>The default name of the signing key health check: <c>cognito-signing-keys</c>.</summary>
    public const string HealthCheckName = "cognito-signing-keys";
}
