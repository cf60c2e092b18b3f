namespace Exanubes.Cognito;

/// <summary>
/// The start of a TOTP (authenticator app) setup from <see cref="ICognitoAuthService.BeginTotpSetupAsync(string, CancellationToken)"/>
/// or <see cref="ICognitoAuthService.BeginTotpSetupForSignInAsync(CognitoChallenge, CancellationToken)"/>: the secret to show
/// the user and, during sign-in, the <c>MFA_SETUP</c> challenge carrying Cognito's new session.
/// </summary>
/// <remarks>
/// The secret is a long-lived credential of the user: show it once (as text or as the QR code of
/// <see cref="GetAuthenticatorUri"/>), never log or store it. See
/// <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html"/>.
/// </remarks>
public sealed class CognitoTotpSetup
{
    /// <summary>Creates a setup result.</summary>
    /// <param name="secretCode">Cognito's base32 TOTP secret.</param>
    /// <param name="challenge">The <c>MFA_SETUP</c> challenge with the new session; <see langword="null"/> when set up with an access token.</param>
    /// <exception cref="ArgumentException"><paramref name="secretCode"/> is null or empty.</exception>
    public CognitoTotpSetup(string secretCode, CognitoChallenge? challenge)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretCode);
        SecretCode = secretCode;
        Challenge = challenge;
    }

    /// <summary>The base32 secret for the authenticator app (Cognito's <c>SecretCode</c>); never log it.</summary>
    public string SecretCode { get; }

    /// <summary>
    /// During sign-in, the <c>MFA_SETUP</c> challenge with the session Cognito returned: pass it to
    /// <see cref="ICognitoAuthService.CompleteTotpSetupForSignInAsync(CognitoChallenge, string, string?, CancellationToken)"/>.
    /// <see langword="null"/> when the setup started from an access token.
    /// </summary>
    public CognitoChallenge? Challenge { get; }

    /// <summary>
    /// The <c>otpauth://totp/</c> URI authenticator apps read from a QR code (Key Uri Format: SHA-1, 6 digits, 30 s,
    /// as Cognito uses).
    /// </summary>
    /// <param name="issuer">The app or company name shown in the authenticator, for example <c>Exanubes</c>.</param>
    /// <param name="accountName">The user's name shown in the authenticator, for example the email address.</param>
    /// <returns>The URI; it contains the secret, so treat it as one.</returns>
    /// <exception cref="ArgumentException"><paramref name="issuer"/> or <paramref name="accountName"/> is null or empty.</exception>
    public Uri GetAuthenticatorUri(string issuer, string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(accountName);
        return new Uri($"otpauth://totp/{label}?secret={Uri.EscapeDataString(SecretCode)}&issuer={Uri.EscapeDataString(issuer)}");
    }
}
