namespace Exanubes.Cognito;

/// <summary>An MFA method of a Cognito user pool, as set by <see cref="ICognitoAuthService.SetMfaPreferenceAsync"/>.</summary>
public enum CognitoMfaMethod
{
    /// <summary>A time-based one-time password from an authenticator app (Cognito's software token, <c>SOFTWARE_TOKEN_MFA</c>).</summary>
    Totp = 1,

    /// <summary>A code sent by SMS (<c>SMS_MFA</c>).</summary>
    Sms,

    /// <summary>A code sent by email (<c>EMAIL_OTP</c>; needs the Essentials or Plus feature plan).</summary>
    Email,
}
