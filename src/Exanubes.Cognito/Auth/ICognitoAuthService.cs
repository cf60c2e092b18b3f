namespace Exanubes.Cognito;

/// <summary>
/// The Amazon Cognito user-pool lifecycle for one app client: sign-up, sign-in (USER_PASSWORD_AUTH and USER_SRP_AUTH),
/// challenges, refresh, password flows, attributes, sign-out and deletion. Registered by <c>AddCognitoAuth</c>.
/// </summary>
/// <remarks>
/// Expected outcomes (wrong code, user exists, not authorized, a challenge) come back as <see cref="CognitoResult"/> /
/// <see cref="CognitoResult{T}"/>; call <c>EnsureSuccess()</c> to throw <see cref="CognitoException"/> instead.
/// Every method throws <see cref="ArgumentException"/> for missing arguments, <see cref="OperationCanceledException"/>
/// when cancelled and <see cref="HttpRequestException"/> when Cognito cannot be reached. When the app client has a
/// secret (<see cref="CognitoAuthOptions.ClientSecret"/>), SECRET_HASH is added to every call that takes it.
/// None of these calls needs AWS credentials.
/// </remarks>
public interface ICognitoAuthService
{
    /// <summary>Registers a new user (Cognito <c>SignUp</c>); Cognito usually sends a confirmation code.</summary>
    /// <param name="request">The user name, password, attributes and client metadata.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the user is confirmed, its sub and where the code went; or the error (for example <see cref="CognitoErrorCode.UsernameExists"/>, <see cref="CognitoErrorCode.InvalidPassword"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html"/>.</remarks>
    Task<CognitoResult<CognitoSignUpResult>> SignUpAsync(CognitoSignUpRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Confirms a sign-up with the code the user received (Cognito <c>ConfirmSignUp</c>).</summary>
    /// <param name="username">The user name used at sign-up.</param>
    /// <param name="confirmationCode">The code; never logged.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>, <see cref="CognitoErrorCode.ExpiredCode"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html"/>.</remarks>
    Task<CognitoResult> ConfirmSignUpAsync(string username, string confirmationCode, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a new sign-up confirmation code (Cognito <c>ResendConfirmationCode</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where the code went, or the error (for example <see cref="CognitoErrorCode.LimitExceeded"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html"/>.</remarks>
    Task<CognitoResult<CognitoCodeDelivery>> ResendConfirmationCodeAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Signs in with user name and password sent to Cognito (<c>InitiateAuth</c>, <c>USER_PASSWORD_AUTH</c>).</summary>
    /// <param name="username">The user name or alias.</param>
    /// <param name="password">The password; never logged.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Tokens or a next step; or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/>, <see cref="CognitoErrorCode.UserNotConfirmed"/>).</returns>
    /// <remarks>
    /// The app client must allow <c>ALLOW_USER_PASSWORD_AUTH</c>. The password travels to Cognito over TLS; use
    /// <see cref="SignInWithSrpAsync"/> to keep it off the wire.
    /// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html"/>.
    /// </remarks>
    Task<CognitoResult<CognitoSignInResult>> SignInAsync(string username, string password, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in with Secure Remote Password (<c>InitiateAuth</c> <c>USER_SRP_AUTH</c>, then the
    /// <c>PASSWORD_VERIFIER</c> answer); the password never leaves the process.
    /// </summary>
    /// <param name="username">The user name or alias.</param>
    /// <param name="password">The password; never logged, never sent.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Tokens or a next step after the verifier; or the error.</returns>
    /// <remarks>The app client must allow <c>ALLOW_USER_SRP_AUTH</c>. See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html"/>.</remarks>
    Task<CognitoResult<CognitoSignInResult>> SignInWithSrpAsync(string username, string password, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Answers a sign-in challenge (Cognito <c>RespondToAuthChallenge</c>).</summary>
    /// <param name="challenge">The challenge from the previous step.</param>
    /// <param name="response">The answer, built with the <see cref="CognitoChallengeResponse"/> factories.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Tokens or a further next step; or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html"/>.</remarks>
    Task<CognitoResult<CognitoSignInResult>> RespondToChallengeAsync(CognitoChallenge challenge, CognitoChallengeResponse response, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets new access and id tokens with a refresh token: <c>InitiateAuth</c> <c>REFRESH_TOKEN_AUTH</c>, or
    /// <c>GetTokensFromRefreshToken</c> when <see cref="CognitoAuthOptions.UseGetTokensFromRefreshToken"/> is set.
    /// </summary>
    /// <param name="refreshToken">The refresh token; never logged.</param>
    /// <param name="username">
    /// The user's internal user name (<see cref="CognitoTokens.Username"/>, the access token's <c>username</c> claim,
    /// the sub when signing in by alias). Required when the app client has a secret, because Cognito computes the
    /// refresh SECRET_HASH from it rather than from the alias typed at sign-in; ignored otherwise.
    /// </param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>New tokens (with a new refresh token only when rotation is on); or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="username"/> is missing while a client secret is configured.</exception>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html"/>.</remarks>
    Task<CognitoResult<CognitoTokens>> RefreshAsync(string refreshToken, string? username = null, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a password reset; Cognito sends a code (Cognito <c>ForgotPassword</c>).</summary>
    /// <param name="username">The user name or alias.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where the code went; or the error (for example <see cref="CognitoErrorCode.UserNotFound"/> when the pool reveals it).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html"/>.</remarks>
    Task<CognitoResult<CognitoCodeDelivery>> ForgotPasswordAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password with the code from <see cref="ForgotPasswordAsync"/> (Cognito <c>ConfirmForgotPassword</c>).</summary>
    /// <param name="username">The user name or alias.</param>
    /// <param name="confirmationCode">The code; never logged.</param>
    /// <param name="newPassword">The new password; never logged.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>, <see cref="CognitoErrorCode.InvalidPassword"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html"/>.</remarks>
    Task<CognitoResult> ConfirmForgotPasswordAsync(string username, string confirmationCode, string newPassword, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the signed-in user's password (Cognito <c>ChangePassword</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="previousPassword">The current password; never logged.</param>
    /// <param name="proposedPassword">The new password; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/>, <see cref="CognitoErrorCode.InvalidPassword"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html"/>.</remarks>
    Task<CognitoResult> ChangePasswordAsync(string accessToken, string previousPassword, string proposedPassword, CancellationToken cancellationToken = default);

    /// <summary>Reads the signed-in user's profile (Cognito <c>GetUser</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user; or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/>).</returns>
    /// <remarks>Retried on throttling and 5xx (read-only). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html"/>.</remarks>
    Task<CognitoResult<CognitoUser>> GetUserAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Updates the signed-in user's attributes (Cognito <c>UpdateUserAttributes</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="attributes">The attributes to set.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where verification codes went for changed email/phone (possibly none); or the error.</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html"/>.</remarks>
    Task<CognitoResult<IReadOnlyList<CognitoCodeDelivery>>> UpdateAttributesAsync(string accessToken, IReadOnlyDictionary<string, string> attributes, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Verifies an attribute (email or phone) with the code the user received (Cognito <c>VerifyUserAttribute</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="attributeName">The attribute, for example <c>email</c>.</param>
    /// <param name="code">The code; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>).</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifyUserAttribute.html"/>.</remarks>
    Task<CognitoResult> VerifyAttributeAsync(string accessToken, string attributeName, string code, CancellationToken cancellationToken = default);

    /// <summary>Sends a verification code for an attribute (Cognito <c>GetUserAttributeVerificationCode</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="attributeName">The attribute, for example <c>email</c>.</param>
    /// <param name="context">The end user's context for this call: client metadata for your triggers, the IP and device data for threat protection (see <see cref="CognitoCallContext"/>); <see langword="null"/> (the default) sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where the code went; or the error.</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html"/>.</remarks>
    Task<CognitoResult<CognitoCodeDelivery>> GetAttributeVerificationCodeAsync(string accessToken, string attributeName, CognitoCallContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Signs the user out everywhere: revokes all its refresh tokens (Cognito <c>GlobalSignOut</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>Retried on throttling and 5xx (idempotent). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html"/>.</remarks>
    Task<CognitoResult> GlobalSignOutAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Revokes a refresh token and the tokens issued from it (Cognito <c>RevokeToken</c>).</summary>
    /// <param name="refreshToken">The refresh token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error (for example <see cref="CognitoErrorCode.UnsupportedTokenType"/>).</returns>
    /// <remarks>Retried on throttling and 5xx (idempotent). See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html"/>.</remarks>
    Task<CognitoResult> RevokeTokenAsync(string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>Deletes the signed-in user (Cognito <c>DeleteUser</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or the error.</returns>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUser.html"/>.</remarks>
    Task<CognitoResult> DeleteUserAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts TOTP (authenticator app) setup for the signed-in user (Cognito <c>AssociateSoftwareToken</c> with the
    /// access token): returns the secret to show the user.
    /// </summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret (<see cref="CognitoTotpSetup.Challenge"/> is <see langword="null"/>); or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/>, <see cref="CognitoErrorCode.SoftwareTokenMfaNotFound"/>).</returns>
    /// <remarks>
    /// Follow with <see cref="CompleteTotpSetupAsync(string, string, string?, CancellationToken)"/> and then
    /// <see cref="SetMfaPreferenceAsync"/>. Each call issues a new secret that replaces the previous one; never
    /// retried. The secret is never logged.
    /// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html"/>.
    /// </remarks>
    Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts TOTP setup to answer an <c>MFA_SETUP</c> sign-in step (Cognito <c>AssociateSoftwareToken</c> with the
    /// challenge's session): returns the secret to show the user and the challenge with Cognito's new session.
    /// </summary>
    /// <param name="challenge">The <c>MFA_SETUP</c> next step of a sign-in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret and <see cref="CognitoTotpSetup.Challenge"/>; or the error (for example <see cref="CognitoErrorCode.NotAuthorized"/> when the session expired).</returns>
    /// <exception cref="ArgumentException"><paramref name="challenge"/> is not <c>MFA_SETUP</c> or has no session.</exception>
    /// <remarks>
    /// Then call <see cref="CompleteTotpSetupForSignInAsync(CognitoChallenge, string, string?, CancellationToken)"/> with
    /// <see cref="CognitoTotpSetup.Challenge"/> and the user's first code, and answer the challenge it returns with
    /// <see cref="RespondToChallengeAsync"/> and <see cref="CognitoChallengeResponse.MfaSetup"/> to receive the tokens.
    /// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html"/>.
    /// </remarks>
    Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupForSignInAsync(CognitoChallenge challenge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes TOTP setup for the signed-in user with the first code of the authenticator app (Cognito
    /// <c>VerifySoftwareToken</c> with the access token).
    /// </summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="code">The six-digit code from the authenticator app; never logged.</param>
    /// <param name="friendlyDeviceName">A name for the authenticator, shown in the user's MFA settings; optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>, <see cref="CognitoErrorCode.EnableSoftwareTokenMfa"/>; a <c>Status</c> of <c>ERROR</c> comes back as <see cref="CognitoErrorCode.EnableSoftwareTokenMfa"/>).</returns>
    /// <remarks>
    /// A verified token is not yet used at sign-in: enable it with <see cref="SetMfaPreferenceAsync"/>. Never retried.
    /// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html"/>.
    /// </remarks>
    Task<CognitoResult> CompleteTotpSetupAsync(string accessToken, string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes TOTP setup during sign-in with the first code of the authenticator app (Cognito
    /// <c>VerifySoftwareToken</c> with the session) and returns the <c>MFA_SETUP</c> challenge to answer.
    /// </summary>
    /// <param name="challenge">The <see cref="CognitoTotpSetup.Challenge"/> returned by <see cref="BeginTotpSetupForSignInAsync(CognitoChallenge, CancellationToken)"/>.</param>
    /// <param name="code">The six-digit code from the authenticator app; never logged.</param>
    /// <param name="friendlyDeviceName">A name for the authenticator; optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>MFA_SETUP</c> challenge with the session Cognito returned: answer it with <see cref="RespondToChallengeAsync"/> and <see cref="CognitoChallengeResponse.MfaSetup"/>; or the error (for example <see cref="CognitoErrorCode.CodeMismatch"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="challenge"/> is not <c>MFA_SETUP</c> or has no session.</exception>
    /// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html"/>.</remarks>
    Task<CognitoResult<CognitoChallenge>> CompleteTotpSetupForSignInAsync(CognitoChallenge challenge, string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables the user's MFA methods and sets the preferred one (Cognito <c>SetUserMFAPreference</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="preference">The methods to change; a method left <see langword="null"/> is unchanged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error (for example <see cref="CognitoErrorCode.InvalidParameter"/> when TOTP is enabled before it was verified).</returns>
    /// <exception cref="ArgumentException"><paramref name="preference"/> changes nothing, or prefers a method it disables.</exception>
    /// <remarks>
    /// Disabling MFA weakens the account: confirm the user's intent (for example with a fresh sign-in) first.
    /// Never retried. See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html"/>.
    /// </remarks>
    Task<CognitoResult> SetMfaPreferenceAsync(string accessToken, CognitoMfaPreference preference, CancellationToken cancellationToken = default);
}
