namespace Exanubes.Cognito.Tokens;

/// <summary>
/// An opt-in revocation check: register an implementation in the service collection
/// (<c>services.AddSingleton&lt;ICognitoTokenRevocationCheck, MyCheck&gt;()</c>) and the validator calls it for every
/// token that passed all other checks, including repeat tokens served from the validated-token cache.
/// </summary>
/// <remarks>
/// Cognito tokens are self-contained: after GlobalSignOut or RevokeToken an access token still verifies until it
/// expires (at most the pool's access token validity, one hour by default). Apps that need sign-out to take effect
/// sooner record revoked sign-ins (for example each <see cref="CognitoValidatedToken.OriginJti"/>, or a user's
/// <see cref="CognitoValidatedToken.Subject"/> with the time of sign-out compared to
/// <see cref="CognitoValidatedToken.IssuedAt"/>) in a shared store and answer from it here. The check runs on every
/// validation, so keep it fast (cache in memory). Nothing is registered by default.
/// </remarks>
public interface ICognitoTokenRevocationCheck
{
    /// <summary>Tells whether a validated token has been revoked; a revoked token fails with <see cref="CognitoTokenRevokedException"/>.</summary>
    /// <param name="token">The token that passed every other check.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the token must be rejected.</returns>
    ValueTask<bool> IsRevokedAsync(CognitoValidatedToken token, CancellationToken cancellationToken);
}
