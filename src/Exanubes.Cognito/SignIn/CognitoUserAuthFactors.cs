namespace Exanubes.Cognito;

/// <summary>
/// The sign-in factors a user has set up (Cognito <c>GetUserAuthFactors</c>): what an account page shows, for example
/// "passkey: set up", "email code: available".
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAuthFactors.html"/>.</remarks>
public sealed class CognitoUserAuthFactors
{
    /// <summary>Creates the factors.</summary>
    /// <param name="username">The user's internal user name.</param>
    /// <param name="configuredFirstFactors">The first factors available to the user with USER_AUTH.</param>
    /// <param name="mfaMethods">The MFA methods the user has set up, for example <c>SOFTWARE_TOKEN_MFA</c>.</param>
    /// <param name="preferredMfaMethod">The preferred MFA method, when set.</param>
    /// <exception cref="ArgumentException"><paramref name="username"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public CognitoUserAuthFactors(string username, IReadOnlyList<CognitoFirstFactor> configuredFirstFactors, IReadOnlyList<string> mfaMethods, string? preferredMfaMethod)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(configuredFirstFactors);
        ArgumentNullException.ThrowIfNull(mfaMethods);
        Username = username;
        ConfiguredFirstFactors = configuredFirstFactors;
        MfaMethods = mfaMethods;
        PreferredMfaMethod = preferredMfaMethod;
    }

    /// <summary>The user's internal user name.</summary>
    public string Username { get; }

    /// <summary>
    /// The first factors available to the user with USER_AUTH (<c>ConfiguredUserAuthFactors</c>): Cognito reports
    /// <c>PASSWORD</c> (<see cref="CognitoFirstFactor.Password"/>, which also covers SRP), <c>EMAIL_OTP</c>,
    /// <c>SMS_OTP</c> and <c>WEB_AUTHN</c> (the user has at least one passkey).
    /// </summary>
    public IReadOnlyList<CognitoFirstFactor> ConfiguredFirstFactors { get; }

    /// <summary>The MFA methods the user has set up (<c>UserMFASettingList</c>).</summary>
    public IReadOnlyList<string> MfaMethods { get; }

    /// <summary>The preferred MFA method (<c>PreferredMfaSetting</c>), when set.</summary>
    public string? PreferredMfaMethod { get; }

    /// <summary>Whether the user has at least one passkey.</summary>
    public bool HasPasskey => ConfiguredFirstFactors.Contains(CognitoFirstFactor.WebAuthn);
}
