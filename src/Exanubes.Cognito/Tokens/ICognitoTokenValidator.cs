namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Validates Cognito user pool access and id tokens, in ASP.NET Core or anywhere else (queues, Lambda functions,
/// WebSockets). Registered as a singleton by <c>AddCognitoTokenValidation</c>; safe to use from many threads.
/// </summary>
/// <remarks>
/// Every check is on by default: three base64url parts with JSON objects and sane claim types; <c>alg</c> RS256 only;
/// <c>kid</c> looked up only in the configured pool's JWKS; the signature; <c>iss</c> equal to a configured pool's
/// issuer; <c>token_use</c>; the app client (<c>client_id</c> or <c>aud</c>); <c>exp</c>, <c>nbf</c> and <c>iat</c>
/// within <see cref="CognitoTokenValidationOptions.ClockSkew"/>; then the optional groups, scopes, authentication age,
/// custom check and revocation check. Relaxing one is an explicit, named option.
/// </remarks>
public interface ICognitoTokenValidator
{
    /// <summary>Validates an access token (<c>token_use</c> = <c>access</c>).</summary>
    /// <param name="token">The compact JWT, without a <c>Bearer </c> prefix.</param>
    /// <param name="cancellationToken">Cancels a signing-key fetch or revocation check in progress.</param>
    /// <returns>The token's typed claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="CognitoTokenValidationException">The token failed a check; the subtype names which.</exception>
    ValueTask<CognitoValidatedToken> ValidateAccessTokenAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Validates an id token (<c>token_use</c> = <c>id</c>).</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="cancellationToken">Cancels a signing-key fetch or revocation check in progress.</param>
    /// <returns>The token's typed claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="CognitoTokenValidationException">The token failed a check; the subtype names which.</exception>
    ValueTask<CognitoValidatedToken> ValidateIdTokenAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Validates a token of the given use.</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="tokenUse">The <c>token_use</c> the token must carry.</param>
    /// <param name="cancellationToken">Cancels a signing-key fetch or revocation check in progress.</param>
    /// <returns>The token's typed claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="CognitoTokenValidationException">The token failed a check; the subtype names which.</exception>
    ValueTask<CognitoValidatedToken> ValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default);

    /// <summary>Validates a token of the given use without throwing for an invalid token.</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="tokenUse">The <c>token_use</c> the token must carry.</param>
    /// <param name="cancellationToken">Cancels a signing-key fetch or revocation check in progress; cancellation still throws.</param>
    /// <returns>The validated token, or the <see cref="CognitoTokenValidationException"/> that says why it is invalid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    ValueTask<CognitoTokenValidationResult> TryValidateAsync(string token, CognitoTokenUse tokenUse, CancellationToken cancellationToken = default);
}
