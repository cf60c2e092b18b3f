namespace Exanubes.Cognito;

/// <summary>
/// A first factor of choice-based sign-in (<c>USER_AUTH</c>): what the user signs in with before any MFA. Used as the
/// preferred challenge, as the answer to <c>SELECT_CHALLENGE</c>, and in the factors a user has set up.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html"/>.</remarks>
public enum CognitoFirstFactor
{
    /// <summary><c>PASSWORD</c>: the password, sent to Cognito over TLS.</summary>
    Password = 1,

    /// <summary><c>PASSWORD_SRP</c>: the password proven with Secure Remote Password; it never leaves the process.</summary>
    PasswordSrp,

    /// <summary><c>EMAIL_OTP</c>: a one-time code Cognito sends by email.</summary>
    EmailOtp,

    /// <summary><c>SMS_OTP</c>: a one-time code Cognito sends by SMS.</summary>
    SmsOtp,

    /// <summary><c>WEB_AUTHN</c>: a passkey (WebAuthn authenticator).</summary>
    WebAuthn,
}
