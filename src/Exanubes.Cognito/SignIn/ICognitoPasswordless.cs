namespace Exanubes.Cognito;

/// <summary>
/// Choice-based sign-in (Cognito's <c>USER_AUTH</c> flow): a one-time code by email or SMS, a passkey, or the password
/// (plain or SRP), and sign-in right after sign-up confirmation. Registered by <c>AddCognitoAuth</c> beside
/// <see cref="ICognitoAuthService"/>, which answers every next step (<see cref="ICognitoAuthService.RespondToChallengeAsync"/>).
/// </summary>
/// <remarks>
/// Results follow <see cref="ICognitoAuthService"/>: expected outcomes are <see cref="CognitoResult{T}"/>, misuse of
/// arguments throws <see cref="ArgumentException"/>. The app client must allow <c>ALLOW_USER_AUTH</c> and the pool
/// must be on the Essentials tier or above (otherwise Cognito answers <c>FeatureUnavailableInTierException</c>).
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html"/>.
/// </remarks>
public interface ICognitoPasswordless
{
    /// <summary>Starts a choice-based sign-in (<c>InitiateAuth</c> with <c>USER_AUTH</c>).</summary>
    /// <param name="request">The user name, the optional preferred first factor and its password, client metadata.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// Tokens; or the next step: <c>SELECT_CHALLENGE</c> with <see cref="CognitoChallenge.AvailableChallenges"/>,
    /// <c>EMAIL_OTP</c>/<c>SMS_OTP</c> with <see cref="CognitoChallenge.CodeDelivery"/>, <c>WEB_AUTHN</c> with
    /// <see cref="CognitoChallenge.CredentialRequestOptionsJson"/>, or an MFA step; or the error.
    /// </returns>
    Task<CognitoResult<CognitoSignInResult>> SignInAsync(CognitoUserAuthRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a sign-up with its code and signs the user in at once (<c>ConfirmSignUp</c> with the sign-up's
    /// <see cref="CognitoSignUpResult.Session"/>, then <c>InitiateAuth</c> <c>USER_AUTH</c> with the session Cognito
    /// returns): the confirmation code counts as the first factor, so the user does not type the password again.
    /// </summary>
    /// <param name="username">The user name used at sign-up.</param>
    /// <param name="confirmationCode">The code the user received; never logged.</param>
    /// <param name="signUpSession">The <see cref="CognitoSignUpResult.Session"/>; never logged.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Tokens or an MFA step; or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>, or <see cref="CognitoErrorCode.NotAuthorized"/> when the session expired or was used).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html"/>.</remarks>
    Task<CognitoResult<CognitoSignInResult>> ConfirmSignUpAndSignInAsync(string username, string confirmationCode, string signUpSession, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the sign-in factors the signed-in user has set up (Cognito <c>GetUserAuthFactors</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The factors; or the error.</returns>
    /// <remarks>Read-only: retried on throttling and 5xx.</remarks>
    Task<CognitoResult<CognitoUserAuthFactors>> GetAuthFactorsAsync(string accessToken, CancellationToken cancellationToken = default);
}
