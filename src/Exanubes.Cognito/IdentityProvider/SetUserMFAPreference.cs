namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// The <c>SetUserMFAPreference</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html"/>).
/// The type keeps Cognito's action spelling so the wire tests can match it to the action.
/// </summary>
internal sealed class SetUserMFAPreferenceRequest
{
    /// <summary>Cognito <c>SetUserMFAPreference</c>: unsigned, never retried: a second run may race a newer change.</summary>
    public static CognitoAction<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse> Action { get; } = new(
        "SetUserMFAPreference",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.SetUserMFAPreferenceRequest,
        CognitoJsonContext.Default.SetUserMFAPreferenceResponse);

    public string AccessToken { get; set; } = string.Empty;

    public MfaSettingsType? SMSMfaSettings { get; set; }

    public MfaSettingsType? SoftwareTokenMfaSettings { get; set; }

    public MfaSettingsType? EmailMfaSettings { get; set; }
}

/// <summary>The <c>SetUserMFAPreference</c> response (empty).</summary>
internal sealed class SetUserMFAPreferenceResponse
{
}

/// <summary>
/// <c>SMSMfaSettingsType</c>, <c>SoftwareTokenMfaSettingsType</c> and <c>EmailMfaSettingsType</c> (same shape):
/// whether the method is enabled and whether it is the preferred one.
/// </summary>
internal sealed class MfaSettingsType
{
    public bool? Enabled { get; set; }

    public bool? PreferredMfa { get; set; }
}
