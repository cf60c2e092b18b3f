namespace Exanubes.Cognito;

/// <summary>
/// The MFA settings to change for the signed-in user (Cognito <c>SetUserMFAPreference</c>). A method left
/// <see langword="null"/> keeps its current setting.
/// </summary>
/// <remarks>
/// Enable TOTP only after <see cref="ICognitoAuthService.CompleteTotpSetupAsync(string, string, string?, CancellationToken)"/>
/// succeeded (Cognito otherwise answers <see cref="CognitoErrorCode.InvalidParameter"/>). Disabling every method lets
/// the user sign in with the password alone when the pool's MFA is optional. See
/// <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html"/>.
/// </remarks>
public sealed class CognitoMfaPreference
{
    /// <summary>Enables or disables TOTP (authenticator app); default <see langword="null"/>: unchanged.</summary>
    public bool? TotpEnabled { get; init; }

    /// <summary>Enables or disables SMS codes; default <see langword="null"/>: unchanged.</summary>
    public bool? SmsEnabled { get; init; }

    /// <summary>Enables or disables email codes; default <see langword="null"/>: unchanged.</summary>
    public bool? EmailEnabled { get; init; }

    /// <summary>
    /// The method Cognito asks for first; it is enabled with it, and every other method named here is marked not
    /// preferred. Default <see langword="null"/>: the preferred method is unchanged.
    /// </summary>
    public CognitoMfaMethod? Preferred { get; init; }
}
