namespace Exanubes.Cognito;

/// <summary>
/// The next step Cognito asks for during sign-in (<c>ChallengeName</c>). The raw name is kept in
/// <see cref="CognitoChallenge.Name"/>.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-ChallengeName"/>.</remarks>
public enum CognitoChallengeName
{
    /// <summary>A challenge this library does not know; answer it with <see cref="CognitoChallengeResponse.Custom"/>.</summary>
    Unknown = 0,

    /// <summary><c>NEW_PASSWORD_REQUIRED</c>: the user signed in with a temporary password and must set a new one.</summary>
    NewPasswordRequired,

    /// <summary><c>SMS_MFA</c>: enter the code Cognito sent by SMS.</summary>
    SmsMfa,

    /// <summary><c>SOFTWARE_TOKEN_MFA</c>: enter the code from the authenticator app (TOTP).</summary>
    SoftwareTokenMfa,

    /// <summary><c>EMAIL_OTP</c>: enter the code Cognito sent by email.</summary>
    EmailOtp,

    /// <summary><c>SMS_OTP</c>: enter the one-time code Cognito sent by SMS (choice-based sign-in).</summary>
    SmsOtp,

    /// <summary><c>SELECT_MFA_TYPE</c>: choose which MFA method to use (parameter <c>MFAS_CAN_CHOOSE</c>).</summary>
    SelectMfaType,

    /// <summary><c>MFA_SETUP</c>: MFA is required but not set up (parameter <c>MFAS_CAN_SETUP</c>).</summary>
    MfaSetup,

    /// <summary><c>PASSWORD_VERIFIER</c>: the SRP step; answered internally by <see cref="ICognitoAuthService.SignInWithSrpAsync"/>.</summary>
    PasswordVerifier,

    /// <summary><c>CUSTOM_CHALLENGE</c>: a challenge from the pool's custom-auth Lambda triggers.</summary>
    CustomChallenge,

    /// <summary><c>DEVICE_SRP_AUTH</c>: device authentication (remembered devices).</summary>
    DeviceSrpAuth,

    /// <summary><c>DEVICE_PASSWORD_VERIFIER</c>: device authentication, second step.</summary>
    DevicePasswordVerifier,

    /// <summary><c>SELECT_CHALLENGE</c>: choose a first factor (choice-based sign-in).</summary>
    SelectChallenge,

    /// <summary><c>PASSWORD</c>: enter the password (choice-based sign-in).</summary>
    Password,

    /// <summary><c>PASSWORD_SRP</c>: prove the password with SRP (choice-based sign-in).</summary>
    PasswordSrp,

    /// <summary><c>WEB_AUTHN</c>: sign in with a passkey; see <see cref="CognitoChallenge.CredentialRequestOptionsJson"/>.</summary>
    WebAuthn,
}
