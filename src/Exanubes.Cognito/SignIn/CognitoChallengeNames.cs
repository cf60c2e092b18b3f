namespace Exanubes.Cognito;

/// <summary>Cognito's challenge names as sent on the wire.</summary>
public static class CognitoChallengeNames
{
    /// <summary><c>NEW_PASSWORD_REQUIRED</c>.</summary>
    public const string NewPasswordRequired = "NEW_PASSWORD_REQUIRED";

    /// <summary><c>SMS_MFA</c>.</summary>
    public const string SmsMfa = "SMS_MFA";

    /// <summary><c>SOFTWARE_TOKEN_MFA</c>.</summary>
    public const string SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA";

    /// <summary><c>EMAIL_OTP</c>.</summary>
    public const string EmailOtp = "EMAIL_OTP";

    /// <summary><c>SMS_OTP</c>.</summary>
    public const string SmsOtp = "SMS_OTP";

    /// <summary><c>SELECT_MFA_TYPE</c>.</summary>
    public const string SelectMfaType = "SELECT_MFA_TYPE";

    /// <summary><c>MFA_SETUP</c>.</summary>
    public const string MfaSetup = "MFA_SETUP";

    /// <summary><c>PASSWORD_VERIFIER</c>.</summary>
    public const string PasswordVerifier = "PASSWORD_VERIFIER";

    /// <summary><c>CUSTOM_CHALLENGE</c>.</summary>
    public const string CustomChallenge = "CUSTOM_CHALLENGE";

    /// <summary><c>DEVICE_SRP_AUTH</c>.</summary>
    public const string DeviceSrpAuth = "DEVICE_SRP_AUTH";

    /// <summary><c>DEVICE_PASSWORD_VERIFIER</c>.</summary>
    public const string DevicePasswordVerifier = "DEVICE_PASSWORD_VERIFIER";

    /// <summary><c>SELECT_CHALLENGE</c>.</summary>
    public const string SelectChallenge = "SELECT_CHALLENGE";

    /// <summary><c>PASSWORD</c>: answer with the password (choice-based sign-in).</summary>
    public const string Password = "PASSWORD";

    /// <summary><c>PASSWORD_SRP</c>: answer with SRP (choice-based sign-in).</summary>
    public const string PasswordSrp = "PASSWORD_SRP";

    /// <summary><c>WEB_AUTHN</c>: answer with a passkey assertion (choice-based sign-in).</summary>
    public const string WebAuthn = "WEB_AUTHN";

    /// <summary>Maps a wire name to <see cref="CognitoChallengeName"/>; unknown names map to <see cref="CognitoChallengeName.Unknown"/>.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>The typed name.</returns>
    public static CognitoChallengeName Parse(string? name) => name switch
    {
        NewPasswordRequired => CognitoChallengeName.NewPasswordRequired,
        SmsMfa => CognitoChallengeName.SmsMfa,
        SoftwareTokenMfa => CognitoChallengeName.SoftwareTokenMfa,
        EmailOtp => CognitoChallengeName.EmailOtp,
        SmsOtp => CognitoChallengeName.SmsOtp,
        SelectMfaType => CognitoChallengeName.SelectMfaType,
        MfaSetup => CognitoChallengeName.MfaSetup,
        PasswordVerifier => CognitoChallengeName.PasswordVerifier,
        CustomChallenge => CognitoChallengeName.CustomChallenge,
        DeviceSrpAuth => CognitoChallengeName.DeviceSrpAuth,
        DevicePasswordVerifier => CognitoChallengeName.DevicePasswordVerifier,
        SelectChallenge => CognitoChallengeName.SelectChallenge,
        Password => CognitoChallengeName.Password,
        PasswordSrp => CognitoChallengeName.PasswordSrp,
        WebAuthn => CognitoChallengeName.WebAuthn,
        _ => CognitoChallengeName.Unknown,
    };
}
