namespace Exanubes.Cognito.Passkeys;

/// <summary>
/// The signed-in user's passkeys: register one, list them, delete one. Registered by <c>AddCognitoAuth</c>. Sign in
/// with a passkey through <see cref="ICognitoPasswordless"/> (<c>WEB_AUTHN</c>).
/// </summary>
/// <remarks>
/// The pool needs passkeys enabled with a relying-party id (or a domain) and the Essentials tier. Cognito's WebAuthn
/// errors come back typed: <see cref="CognitoErrorCode.WebAuthnNotEnabled"/>,
/// <see cref="CognitoErrorCode.WebAuthnConfigurationMissing"/>, <see cref="CognitoErrorCode.WebAuthnRelyingPartyMismatch"/>,
/// <see cref="CognitoErrorCode.WebAuthnOriginNotAllowed"/>, <see cref="CognitoErrorCode.WebAuthnChallengeNotFound"/>
/// (the registration challenge expired), <see cref="CognitoErrorCode.WebAuthnClientMismatch"/>,
/// <see cref="CognitoErrorCode.WebAuthnCredentialNotSupported"/>, and Cognito's <c>FeatureUnavailableInTierException</c> on a pool below Essentials.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passkey"/>.
/// </remarks>
public interface ICognitoPasskeys
{
    /// <summary>
    /// Starts registering a passkey (Cognito <c>StartWebAuthnRegistration</c>): returns the credential creation options
    /// to pass to <c>PublicKeyCredential.parseCreationOptionsFromJSON</c> and <c>navigator.credentials.create</c>.
    /// </summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>PublicKeyCredentialCreationOptionsJSON</c>, as Cognito sent it; or the error.</returns>
    Task<CognitoResult<string>> StartRegistrationAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes registering a passkey (Cognito <c>CompleteWebAuthnRegistration</c>) with the attestation: the JSON of
    /// the <c>PublicKeyCredential</c> that <c>navigator.credentials.create</c> returned (its <c>toJSON()</c>, a
    /// <c>RegistrationResponseJSON</c>).
    /// </summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="credentialJson">The attestation JSON, passed through untouched.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error (for example <see cref="CognitoErrorCode.WebAuthnChallengeNotFound"/> when the options expired).</returns>
    /// <exception cref="ArgumentException"><paramref name="credentialJson"/> is not a JSON object.</exception>
    Task<CognitoResult> CompleteRegistrationAsync(string accessToken, string credentialJson, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's passkeys (Cognito <c>ListWebAuthnCredentials</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="nextToken">The <see cref="CognitoPasskeyPage.NextToken"/> of the previous page; <see langword="null"/> for the first.</param>
    /// <param name="maxResults">At most this many per page (1-20); <see langword="null"/> for Cognito's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A page of passkeys; or the error.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is outside 1-20.</exception>
    /// <remarks>Read-only: retried on throttling and 5xx.</remarks>
    Task<CognitoResult<CognitoPasskeyPage>> ListAsync(string accessToken, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes one of the user's passkeys (Cognito <c>DeleteWebAuthnCredential</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="credentialId">The <see cref="CognitoPasskey.CredentialId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error (for example <see cref="CognitoErrorCode.ResourceNotFound"/>).</returns>
    Task<CognitoResult> DeleteAsync(string accessToken, string credentialId, CancellationToken cancellationToken = default);
}
