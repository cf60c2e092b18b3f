namespace Exanubes.Cognito;

/// <summary>
/// A user-pool feature plan: each Cognito feature is available from one plan upwards.
/// </summary>
/// <remarks>
/// The plan each feature of this library needs is listed in <c>docs/architecture.md</c>.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html"/>.
/// </remarks>
public enum CognitoFeatureTier
{
    /// <summary>Lite: sign-up, sign-in with passwords and SRP, SMS and TOTP MFA, refresh, the admin actions.</summary>
    Lite = 0,

    /// <summary>Essentials: adds email MFA, passwordless sign-in (one-time codes, passkeys), refresh-token rotation, managed login.</summary>
    Essentials,

    /// <summary>Plus: adds threat protection (adaptive authentication, compromised-credential checks) and user-event export.</summary>
    Plus,
}
