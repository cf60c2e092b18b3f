namespace Exanubes.Cognito;

/// <summary>
/// The answer to a <see cref="CognitoChallenge"/>, built with one of the factory methods. The service adds
/// <c>USERNAME</c> and <c>SECRET_HASH</c> itself.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses"/>.</remarks>
public sealed class CognitoChallengeResponse
{
    private CognitoChallengeResponse(Kind kind, string? value, IReadOnlyDictionary<string, string>? values)
    {
        ResponseKind = kind;
        Value = value;
        Values = values ?? new Dictionary<string, string>();
    }

    internal enum Kind
    {
        NewPassword,
        Code,
        SelectMfaType,
        MfaSetup,
        Custom,
        SelectFirstFactor,
        Password,
        PasswordSrp,
        WebAuthn,
    }

    internal Kind ResponseKind { get; }

    internal string? Value { get; }

    internal IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Answers NEW_PASSWORD_REQUIRED with the new password and any required attributes.</summary>
    /// <param name="newPassword">The new password.</param>
    /// <param name="requiredAttributes">Attributes Cognito listed in <c>requiredAttributes</c> (sent as <c>userAttributes.&lt;name&gt;</c>); optional.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="newPassword"/> is null or empty.</exception>
    public static CognitoChallengeResponse NewPassword(string newPassword, IReadOnlyDictionary<string, string>? requiredAttributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        return new CognitoChallengeResponse(Kind.NewPassword, newPassword, requiredAttributes);
    }

    /// <summary>
    /// Answers SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP or SMS_OTP with the code the user entered (sent as
    /// <c>SMS_MFA_CODE</c>, <c>SOFTWARE_TOKEN_MFA_CODE</c>, <c>EMAIL_OTP_CODE</c> or <c>SMS_OTP_CODE</c>).
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is null or empty.</exception>
    public static CognitoChallengeResponse MfaCode(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new CognitoChallengeResponse(Kind.Code, code, null);
    }

    /// <summary>Answers SELECT_MFA_TYPE (or SELECT_CHALLENGE) with the chosen method, for example <c>SOFTWARE_TOKEN_MFA</c> (sent as <c>ANSWER</c>).</summary>
    /// <param name="mfaType">The chosen method.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="mfaType"/> is null or empty.</exception>
    public static CognitoChallengeResponse SelectMfaType(string mfaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mfaType);
        return new CognitoChallengeResponse(Kind.SelectMfaType, mfaType, null);
    }

    /// <summary>
    /// Answers MFA_SETUP after the authenticator was verified: pass the challenge returned by
    /// <see cref="ICognitoAuthService.CompleteTotpSetupForSignInAsync(CognitoChallenge, string, string?, CancellationToken)"/>,
    /// whose session proves the verification. Only <c>USERNAME</c> (and <c>SECRET_HASH</c>) are sent.
    /// </summary>
    /// <returns>The answer.</returns>
    public static CognitoChallengeResponse MfaSetup() => new(Kind.MfaSetup, null, null);

    /// <summary>
    /// Answers any challenge with raw <c>ChallengeResponses</c> entries, for example MFA_SETUP after the TOTP secret
    /// was verified, or CUSTOM_CHALLENGE (<c>ANSWER</c>).
    /// </summary>
    /// <param name="responses">The entries; <c>USERNAME</c> and <c>SECRET_HASH</c> are added when missing.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is null.</exception>
    public static CognitoChallengeResponse Custom(IReadOnlyDictionary<string, string> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return new CognitoChallengeResponse(Kind.Custom, null, responses);
    }

    /// <summary>
    /// Answers <c>SELECT_CHALLENGE</c> with a first factor that needs a further step: <see cref="CognitoFirstFactor.EmailOtp"/>
    /// or <see cref="CognitoFirstFactor.SmsOtp"/> (Cognito sends the code and asks for it), or
    /// <see cref="CognitoFirstFactor.WebAuthn"/> (Cognito answers with the credential request options). Sent as <c>ANSWER</c>.
    /// </summary>
    /// <param name="firstFactor">The chosen factor.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="firstFactor"/> is a password factor: use <see cref="Password"/> or <see cref="PasswordSrp"/>, which select and answer at once.</exception>
    public static CognitoChallengeResponse SelectChallenge(CognitoFirstFactor firstFactor)
    {
        if (firstFactor is CognitoFirstFactor.Password or CognitoFirstFactor.PasswordSrp)
        {
            throw new ArgumentException("Select a password factor with CognitoChallengeResponse.Password or PasswordSrp, which carry the password.", nameof(firstFactor));
        }

        return new CognitoChallengeResponse(Kind.SelectFirstFactor, CognitoFirstFactors.ToWireName(firstFactor), null);
    }

    /// <summary>
    /// Answers <c>PASSWORD</c>, or <c>SELECT_CHALLENGE</c> choosing <c>PASSWORD</c>, with the password (sent as
    /// <c>PASSWORD</c> over TLS).
    /// </summary>
    /// <param name="password">The password; never logged.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="password"/> is null or empty.</exception>
    public static CognitoChallengeResponse Password(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new CognitoChallengeResponse(Kind.Password, password, null);
    }

    /// <summary>
    /// Answers <c>PASSWORD_SRP</c>, or <c>SELECT_CHALLENGE</c> choosing <c>PASSWORD_SRP</c>, by proving the password
    /// with SRP: the service sends <c>SRP_A</c> and answers the <c>PASSWORD_VERIFIER</c> step itself (and the device
    /// steps on a remembered device). The password never leaves the process.
    /// </summary>
    /// <param name="password">The password; never logged, never sent.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="password"/> is null or empty.</exception>
    public static CognitoChallengeResponse PasswordSrp(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new CognitoChallengeResponse(Kind.PasswordSrp, password, null);
    }

    /// <summary>
    /// Answers <c>WEB_AUTHN</c> with the passkey assertion: the JSON of the <c>PublicKeyCredential</c> that
    /// <c>navigator.credentials.get</c> returned for <see cref="CognitoChallenge.CredentialRequestOptionsJson"/>
    /// (its <c>toJSON()</c>, an <c>AuthenticationResponseJSON</c>), sent as <c>CREDENTIAL</c>.
    /// </summary>
    /// <param name="credentialJson">The assertion JSON, passed through untouched.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException"><paramref name="credentialJson"/> is null, empty or not a JSON object.</exception>
    public static CognitoChallengeResponse WebAuthn(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        if (!credentialJson.TrimStart().StartsWith('{'))
        {
            throw new ArgumentException("The WebAuthn credential must be the JSON object of the PublicKeyCredential.", nameof(credentialJson));
        }

        return new CognitoChallengeResponse(Kind.WebAuthn, credentialJson, null);
    }
}
