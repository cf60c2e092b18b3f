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

    /// <summary>
    /// Whether a 401's <c>WWW-Authenticate</c> <c>error_description</c> carries the full failure, with the expected and
    /// actual values (accepted issuers, app client ids, key ids), instead of only the failed check (for example
    /// <c>issuer not accepted</c>). Default: <see langword="true"/> when the host environment is <c>Development</c>,
    /// otherwise <see langword="false"/>.
    /// </summary>
    /// <remarks>
    /// Security: the detail tells an unauthenticated caller which pools and app clients you accept; keep it off in
    /// production. The log always has the detail (never the token).
    /// </remarks>
    public bool DetailedErrors { get; set; }
}
