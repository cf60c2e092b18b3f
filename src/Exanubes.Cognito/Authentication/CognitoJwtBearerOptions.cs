using Exanubes.Cognito.Tokens;

namespace Exanubes.Cognito.Authentication;

/// <summary>What one <c>AddCognitoJwtBearer</c> scheme accepts; the pools and app clients come from <see cref="CognitoTokenValidationOptions"/>.</summary>
public sealed class CognitoJwtBearerOptions
{
    /// <summary>
    /// The <c>token_use</c> the scheme accepts. Default: <see cref="CognitoTokenUse.Access"/>, the token meant for
    /// APIs. Accepting id tokens as bearer tokens is an explicit choice.
    /// </summary>
    public CognitoTokenUse TokenUse { get; set; } = CognitoTokenUse.Access;
}
