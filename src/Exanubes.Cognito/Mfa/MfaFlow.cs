using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Mfa;

/// <summary>MFA: TOTP setup for a signed-in user or during sign-in, and the user's MFA preference (Cognito <c>AssociateSoftwareToken</c>, <c>VerifySoftwareToken</c>, <c>SetUserMFAPreference</c>).</summary>
internal sealed class MfaFlow
{
    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly ILogger _logger;

    public MfaFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.SendAsync(AssociateSoftwareTokenRequest.Action, new AssociateSoftwareTokenRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return ToTotpSetup(result, challenge: null);
    }

    public async Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupForSignInAsync(CognitoChallenge challenge, CancellationToken cancellationToken = default)
    {
        var session = RequireMfaSetupSession(challenge);
        Log.TotpSetup(_logger, "AssociateSoftwareToken", CognitoChallengeNames.MfaSetup);
        var result = await _client.SendAsync(AssociateSoftwareTokenRequest.Action, new AssociateSoftwareTokenRequest { Session = session }, cancellationToken).ConfigureAwait(false);
        return ToTotpSetup(result, challenge);
    }

    public async Task<CognitoResult> CompleteTotpSetupAsync(string accessToken, string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var result = await _client.SendAsync(VerifySoftwareTokenRequest.Action,
            new VerifySoftwareTokenRequest { UserCode = code, AccessToken = accessToken, FriendlyDeviceName = friendlyDeviceName },
            cancellationToken).ConfigureAwait(false);
        var verified = RequireVerified(result);
        return verified.Succeeded ? CognitoResult.Success : CognitoResult.Failure(verified.Error);
    }

    public async Task<CognitoResult<CognitoChallenge>> CompleteTotpSetupForSignInAsync(CognitoChallenge challenge, string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default)
    {
        var session = RequireMfaSetupSession(challenge);
        ArgumentException.ThrowIfNullOrEmpty(code);
        Log.TotpSetup(_logger, "VerifySoftwareToken", CognitoChallengeNames.MfaSetup);
        var result = await _client.SendAsync(VerifySoftwareTokenRequest.Action,
            new VerifySoftwareTokenRequest { UserCode = code, Session = session, FriendlyDeviceName = friendlyDeviceName },
            cancellationToken).ConfigureAwait(false);
        var verified = RequireVerified(result);
        if (!verified.Succeeded)
        {
            return CognitoResult<CognitoChallenge>.Failure(verified.Error);
        }

        if (string.IsNullOrEmpty(verified.Value.Session))
        {
            return CognitoResult<CognitoChallenge>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito verified the software token but returned no session to answer MFA_SETUP with.", System.Net.HttpStatusCode.OK));
        }

        return CognitoResult<CognitoChallenge>.Success(new CognitoChallenge(challenge.Name, verified.Value.Session, challenge.Username, challenge.Parameters));
    }

    public async Task<CognitoResult> SetMfaPreferenceAsync(string accessToken, CognitoMfaPreference preference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(preference);
        var preferredEnabled = preference.Preferred switch
        {
            CognitoMfaMethod.Totp => preference.TotpEnabled,
            CognitoMfaMethod.Sms => preference.SmsEnabled,
            CognitoMfaMethod.Email => preference.EmailEnabled,
            null => null,
            var other => throw new ArgumentException($"Unknown MFA method {other}.", nameof(preference)),
        };
        if (preferredEnabled == false)
        {
            throw new ArgumentException($"The MFA preference prefers {preference.Preferred} but disables it.", nameof(preference));
        }

        var request = new SetUserMFAPreferenceRequest
        {
            AccessToken = accessToken,
            SMSMfaSettings = MfaSettings(CognitoMfaMethod.Sms, preference.SmsEnabled, preference.Preferred),
            SoftwareTokenMfaSettings = MfaSettings(CognitoMfaMethod.Totp, preference.TotpEnabled, preference.Preferred),
            EmailMfaSettings = MfaSettings(CognitoMfaMethod.Email, preference.EmailEnabled, preference.Preferred),
        };
        if (request.SMSMfaSettings is null && request.SoftwareTokenMfaSettings is null && request.EmailMfaSettings is null)
        {
            throw new ArgumentException("The MFA preference changes nothing: set TotpEnabled, SmsEnabled, EmailEnabled or Preferred.", nameof(preference));
        }

        // Email MFA needs the Essentials plan; SMS and TOTP are in every plan.
        var tier = request.EmailMfaSettings is null ? CognitoFeatureTier.Lite : CognitoFeatureTier.Essentials;
        var result = await _client.SendAsync(SetUserMFAPreferenceRequest.Action, request, cancellationToken).ConfigureAwait(false);
        return result.ForTier(tier).ToResult();
    }

    /// <summary>
    /// One method's settings: <see langword="null"/> (unchanged) unless the caller enabled/disabled it or named it
    /// preferred; the preferred method is enabled with it and every other method sent is marked not preferred.
    /// </summary>
    internal static MfaSettingsType? MfaSettings(CognitoMfaMethod method, bool? enabled, CognitoMfaMethod? preferred)
    {
        var isPreferred = preferred == method;
        if (enabled is null && !isPreferred)
        {
            return null;
        }

        return new MfaSettingsType { Enabled = enabled ?? true, PreferredMfa = preferred is null ? null : isPreferred };
    }

    private static string RequireMfaSetupSession(CognitoChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ChallengeName != CognitoChallengeName.MfaSetup)
        {
            throw new ArgumentException($"TOTP setup during sign-in answers MFA_SETUP, not {challenge.Name}.", nameof(challenge));
        }

        if (string.IsNullOrEmpty(challenge.Session))
        {
            throw new ArgumentException("The MFA_SETUP challenge has no session.", nameof(challenge));
        }

        return challenge.Session;
    }

    private static CognitoResult<CognitoTotpSetup> ToTotpSetup(CognitoResult<AssociateSoftwareTokenResponse> result, CognitoChallenge? challenge)
    {
        if (!result.Succeeded)
        {
            return CognitoResult<CognitoTotpSetup>.Failure(result.Error);
        }

        var response = result.Value;
        if (string.IsNullOrEmpty(response.SecretCode))
        {
            return CognitoResult<CognitoTotpSetup>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered AssociateSoftwareToken without a SecretCode.", System.Net.HttpStatusCode.OK));
        }

        // Cognito issues a new session for the next step; keep the old one only if it sent none.
        var next = challenge is null
            ? null
            : new CognitoChallenge(challenge.Name, string.IsNullOrEmpty(response.Session) ? challenge.Session : response.Session, challenge.Username, challenge.Parameters);
        return CognitoResult<CognitoTotpSetup>.Success(new CognitoTotpSetup(response.SecretCode, next));
    }

    /// <summary>A <c>Status</c> of <c>ERROR</c> (sent without an error type) is a failure, reported as <see cref="CognitoErrorCode.EnableSoftwareTokenMfa"/>.</summary>
    private CognitoResult<VerifySoftwareTokenResponse> RequireVerified(CognitoResult<VerifySoftwareTokenResponse> result)
    {
        if (result.Succeeded && !string.Equals(result.Value.Status, "SUCCESS", StringComparison.Ordinal))
        {
            Log.SoftwareTokenNotVerified(_logger, result.Value.Status ?? "(none)");
            return CognitoResult<VerifySoftwareTokenResponse>.Failure(new CognitoError(
                CognitoErrorCode.EnableSoftwareTokenMfa,
                "EnableSoftwareTokenMFAException",
                $"Cognito answered VerifySoftwareToken with status {result.Value.Status ?? "(none)"}.",
                System.Net.HttpStatusCode.OK));
        }

        return result;
    }
}
