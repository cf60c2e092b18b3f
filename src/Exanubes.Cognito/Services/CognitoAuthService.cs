using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Srp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Services;

/// <summary>The <see cref="ICognitoAuthService"/> over the wire client; adds SECRET_HASH and maps results.</summary>
internal sealed class CognitoAuthService : ICognitoAuthService
{
    private const string UserPasswordAuth = "USER_PASSWORD_AUTH";
    private const string UserSrpAuth = "USER_SRP_AUTH";
    private const string RefreshTokenAuth = "REFRESH_TOKEN_AUTH";

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public CognitoAuthService(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger<CognitoAuthService> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _client = client;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoSignUpResult>> SignUpAsync(CognitoSignUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Username, "request.Username");
        ArgumentException.ThrowIfNullOrEmpty(request.Password, "request.Password");
        var result = await _client.SignUpAsync(
            new SignUpRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHashFor(request.Username),
                Username = request.Username,
                Password = request.Password,
                UserAttributes = CognitoResultMapping.ToAttributes(request.Attributes),
                ValidationData = CognitoResultMapping.ToAttributes(request.ValidationData),
                ClientMetadata = CognitoResultMapping.ToMetadata(request.ClientMetadata),
            },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => new CognitoSignUpResult(
            r.UserConfirmed,
            r.UserSub ?? string.Empty,
            r.CodeDeliveryDetails is null ? null : CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails)));
    }

    public async Task<CognitoResult> ConfirmSignUpAsync(string username, string confirmationCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(confirmationCode);
        var result = await _client.ConfirmSignUpAsync(
            new ConfirmSignUpRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHashFor(username),
                Username = username,
                ConfirmationCode = confirmationCode,
            },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoCodeDelivery>> ResendConfirmationCodeAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.ResendConfirmationCodeAsync(
            new ResendConfirmationCodeRequest { ClientId = Options.ClientId, SecretHash = SecretHashFor(username), Username = username },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }

    public async Task<CognitoResult<CognitoSignInResult>> SignInAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["PASSWORD"] = password,
        };
        AddSecretHash(parameters, username);
        var result = await _client.InitiateAuthAsync(
            new InitiateAuthRequest { AuthFlow = UserPasswordAuth, ClientId = Options.ClientId, AuthParameters = parameters },
            cancellationToken).ConfigureAwait(false);
        return ToSignInResult(UserPasswordAuth, result, username);
    }

    public async Task<CognitoResult<CognitoSignInResult>> SignInWithSrpAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var srp = new CognitoSrpClient(Options.UserPool!);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["SRP_A"] = srp.SrpAHex,
        };
        AddSecretHash(parameters, username);
        var initiated = await _client.InitiateAuthAsync(
            new InitiateAuthRequest { AuthFlow = UserSrpAuth, ClientId = Options.ClientId, AuthParameters = parameters },
            cancellationToken).ConfigureAwait(false);
        if (!initiated.Succeeded)
        {
            return CognitoResult<CognitoSignInResult>.Failure(initiated.Error);
        }

        var response = initiated.Value;
        if (response.ChallengeName != CognitoChallengeNames.PasswordVerifier)
        {
            return ToSignInResult(UserSrpAuth, initiated, username);
        }

        var challenge = response.ChallengeParameters ?? [];
        if (!challenge.TryGetValue("USER_ID_FOR_SRP", out var userIdForSrp)
            || !challenge.TryGetValue("SRP_B", out var srpB)
            || !challenge.TryGetValue("SALT", out var salt)
            || !challenge.TryGetValue("SECRET_BLOCK", out var secretBlock))
        {
            return CognitoResult<CognitoSignInResult>.Failure(new CognitoError(
                CognitoErrorCode.Unknown,
                "InvalidResponse",
                "Cognito's PASSWORD_VERIFIER challenge lacks USER_ID_FOR_SRP, SRP_B, SALT or SECRET_BLOCK.",
                System.Net.HttpStatusCode.OK));
        }

        Log.AnsweringPasswordVerifier(_logger);
        var timestamp = CognitoSrpClient.FormatTimestamp(_timeProvider.GetUtcNow());
        string signature;
        try
        {
            signature = srp.ComputePasswordClaimSignature(userIdForSrp, password, srpB, salt, secretBlock, timestamp);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            // Every value checked here came from Cognito (the password was checked on entry): a malformed or unsafe
            // challenge is an unreadable answer, not a caller error. The message names the parameter, never a value.
            var parameter = (ex as ArgumentException)?.ParamName switch
            {
                "userIdForSrp" => "USER_ID_FOR_SRP",
                "saltHex" => "SALT",
                "secretBlockBase64" => "SECRET_BLOCK",
                _ => "SRP_B",
            };
            return CognitoResult<CognitoSignInResult>.Failure(new CognitoError(
                CognitoErrorCode.Unknown,
                "InvalidResponse",
                $"Cognito's PASSWORD_VERIFIER challenge has an unusable {parameter}; the sign-in was not answered.",
                System.Net.HttpStatusCode.OK));
        }


        // Cognito checks this SECRET_HASH against the internal user name, not the alias typed at sign-in: answer with
        // USERNAME = USER_ID_FOR_SRP and hash that (as the AWS Android SDK's CognitoUser does).
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = userIdForSrp,
            ["PASSWORD_CLAIM_SECRET_BLOCK"] = secretBlock,
            ["PASSWORD_CLAIM_SIGNATURE"] = signature,
            ["TIMESTAMP"] = timestamp,
        };
        AddSecretHash(answers, userIdForSrp);
        return await AnswerChallengeAsync(UserSrpAuth, CognitoChallengeNames.PasswordVerifier, response.Session, answers, userIdForSrp, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CognitoResult<CognitoSignInResult>> RespondToChallengeAsync(CognitoChallenge challenge, CognitoChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(response);
        var answers = BuildChallengeResponses(challenge, response);
        if (!answers.TryGetValue("USERNAME", out var answerUser))
        {
            answerUser = challenge.Username;
            answers["USERNAME"] = answerUser;
        }

        if (!answers.ContainsKey("SECRET_HASH"))
        {
            AddSecretHash(answers, answerUser);
        }

        return await AnswerChallengeAsync(challenge.Name, challenge.Name, challenge.Session, answers, challenge.Username, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one RespondToAuthChallenge and reads its answer as tokens or the next challenge.</summary>
    private async Task<CognitoResult<CognitoSignInResult>> AnswerChallengeAsync(
        string flow, string challengeName, string? session, Dictionary<string, string> answers, string username, CancellationToken cancellationToken)
    {
        var answered = await _client.RespondToAuthChallengeAsync(
            new RespondToAuthChallengeRequest
            {
                ClientId = Options.ClientId,
                ChallengeName = challengeName,
                Session = session,
                ChallengeResponses = answers,
            },
            cancellationToken).ConfigureAwait(false);
        return ToSignInResult(flow, answered.Map(AsInitiateAuthResponse), username);
    }

    public async Task<CognitoResult<CognitoTokens>> RefreshAsync(string refreshToken, string? username = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var options = Options;
        if (options.UseGetTokensFromRefreshToken)
        {
            Log.Refreshing(_logger, "GetTokensFromRefreshToken");
            var rotated = await _client.GetTokensFromRefreshTokenAsync(
                new GetTokensFromRefreshTokenRequest { ClientId = options.ClientId, ClientSecret = options.ClientSecret, RefreshToken = refreshToken },
                cancellationToken).ConfigureAwait(false);
            return ToTokens(rotated.Map(r => r.AuthenticationResult ?? new AuthenticationResultType()), username);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["REFRESH_TOKEN"] = refreshToken };
        if (options.ClientSecret is not null)
        {
            if (string.IsNullOrEmpty(username))
            {
                throw new ArgumentException(
                    "The app client has a secret, so Cognito needs SECRET_HASH on refresh, computed from the user's internal user name: pass CognitoTokens.Username (the access token's 'username' claim).",
                    nameof(username));
            }

            AddSecretHash(parameters, username);
        }

        Log.Refreshing(_logger, "InitiateAuth REFRESH_TOKEN_AUTH");
        var result = await _client.InitiateAuthAsync(
            new InitiateAuthRequest { AuthFlow = RefreshTokenAuth, ClientId = options.ClientId, AuthParameters = parameters },
            cancellationToken).ConfigureAwait(false);
        return ToTokens(result.Map(r => r.AuthenticationResult ?? new AuthenticationResultType()), username);
    }

    public async Task<CognitoResult<CognitoCodeDelivery>> ForgotPasswordAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.ForgotPasswordAsync(
            new ForgotPasswordRequest { ClientId = Options.ClientId, SecretHash = SecretHashFor(username), Username = username },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }

    public async Task<CognitoResult> ConfirmForgotPasswordAsync(string username, string confirmationCode, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(confirmationCode);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var result = await _client.ConfirmForgotPasswordAsync(
            new ConfirmForgotPasswordRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHashFor(username),
                Username = username,
                ConfirmationCode = confirmationCode,
                Password = newPassword,
            },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> ChangePasswordAsync(string accessToken, string previousPassword, string proposedPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(previousPassword);
        ArgumentException.ThrowIfNullOrEmpty(proposedPassword);
        var result = await _client.ChangePasswordAsync(
            new ChangePasswordRequest { AccessToken = accessToken, PreviousPassword = previousPassword, ProposedPassword = proposedPassword },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoUser>> GetUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.GetUserAsync(new GetUserRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.Map(CognitoResultMapping.ToUser);
    }

    public async Task<CognitoResult<IReadOnlyList<CognitoCodeDelivery>>> UpdateAttributesAsync(string accessToken, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            throw new ArgumentException("At least one attribute is required.", nameof(attributes));
        }

        var result = await _client.UpdateUserAttributesAsync(
            new UpdateUserAttributesRequest { AccessToken = accessToken, UserAttributes = CognitoResultMapping.ToAttributes(attributes)! },
            cancellationToken).ConfigureAwait(false);
        return result.Map<UpdateUserAttributesResponse, IReadOnlyList<CognitoCodeDelivery>>(
            r => (r.CodeDeliveryDetailsList ?? []).Select(CognitoResultMapping.ToDelivery).ToList());
    }

    public async Task<CognitoResult> VerifyAttributeAsync(string accessToken, string attributeName, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var result = await _client.VerifyUserAttributeAsync(
            new VerifyUserAttributeRequest { AccessToken = accessToken, AttributeName = attributeName, Code = code },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoCodeDelivery>> GetAttributeVerificationCodeAsync(string accessToken, string attributeName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        var result = await _client.GetUserAttributeVerificationCodeAsync(
            new GetUserAttributeVerificationCodeRequest { AccessToken = accessToken, AttributeName = attributeName },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }

    public async Task<CognitoResult> GlobalSignOutAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> RevokeTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var result = await _client.RevokeTokenAsync(
            new RevokeTokenRequest { Token = refreshToken, ClientId = Options.ClientId, ClientSecret = Options.ClientSecret },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> DeleteUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.DeleteUserAsync(new DeleteUserRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return ToTotpSetup(result, challenge: null);
    }

    public async Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupForSignInAsync(CognitoChallenge challenge, CancellationToken cancellationToken = default)
    {
        var session = RequireMfaSetupSession(challenge);
        Log.TotpSetup(_logger, "AssociateSoftwareToken", CognitoChallengeNames.MfaSetup);
        var result = await _client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { Session = session }, cancellationToken).ConfigureAwait(false);
        return ToTotpSetup(result, challenge);
    }

    public async Task<CognitoResult> CompleteTotpSetupAsync(string accessToken, string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var result = await _client.VerifySoftwareTokenAsync(
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
        var result = await _client.VerifySoftwareTokenAsync(
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

        var result = await _client.SetUserMFAPreferenceAsync(request, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
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

    internal static Dictionary<string, string> BuildChallengeResponses(CognitoChallenge challenge, CognitoChallengeResponse response)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (response.ResponseKind)
        {
            case CognitoChallengeResponse.Kind.NewPassword:
                answers["NEW_PASSWORD"] = response.Value!;
                foreach (var (name, value) in response.Values)
                {
                    answers[name.StartsWith("userAttributes.", StringComparison.Ordinal) ? name : "userAttributes." + name] = value;
                }

                break;
            case CognitoChallengeResponse.Kind.Code:
                var key = challenge.ChallengeName switch
                {
                    CognitoChallengeName.SmsMfa => "SMS_MFA_CODE",
                    CognitoChallengeName.SoftwareTokenMfa => "SOFTWARE_TOKEN_MFA_CODE",
                    CognitoChallengeName.EmailOtp => "EMAIL_OTP_CODE",
                    CognitoChallengeName.SmsOtp => "SMS_OTP_CODE",
                    _ => throw new ArgumentException($"A code does not answer the challenge {challenge.Name}.", nameof(response)),
                };
                answers[key] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.SelectMfaType:
                answers["ANSWER"] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.MfaSetup:
                if (challenge.ChallengeName != CognitoChallengeName.MfaSetup)
                {
                    throw new ArgumentException($"MfaSetup() answers MFA_SETUP, not {challenge.Name}.", nameof(response));
                }

                // Cognito takes only USERNAME (added by the caller): the session from VerifySoftwareToken proves the setup.
                break;
            default:
                foreach (var (name, value) in response.Values)
                {
                    answers[name] = value;
                }

                break;
        }

        return answers;
    }

    private static InitiateAuthResponse AsInitiateAuthResponse(RespondToAuthChallengeResponse response) => new()
    {
        ChallengeName = response.ChallengeName,
        ChallengeParameters = response.ChallengeParameters,
        Session = response.Session,
        AuthenticationResult = response.AuthenticationResult,
    };

    private CognitoResult<CognitoSignInResult> ToSignInResult(string flow, CognitoResult<InitiateAuthResponse> result, string username)
    {
        if (!result.Succeeded)
        {
            return CognitoResult<CognitoSignInResult>.Failure(result.Error);
        }

        var response = result.Value;
        if (response.AuthenticationResult is { AccessToken: { Length: > 0 } } tokens)
        {
            Log.SignInCompleted(_logger, flow);
            return CognitoResult<CognitoSignInResult>.Success(CognitoSignInResult.SignedIn(CognitoResultMapping.ToTokens(tokens)));
        }

        if (!string.IsNullOrEmpty(response.ChallengeName))
        {
            Log.SignInChallenge(_logger, flow, response.ChallengeName);
            var parameters = response.ChallengeParameters ?? [];
            var challengeUser = parameters.TryGetValue("USER_ID_FOR_SRP", out var srpUser) && srpUser.Length > 0
                ? srpUser
                : parameters.TryGetValue("USERNAME", out var named) && named.Length > 0 ? named : username;
            return CognitoResult<CognitoSignInResult>.Success(CognitoSignInResult.Challenge(
                new CognitoChallenge(response.ChallengeName, response.Session, challengeUser, parameters)));
        }

        Log.NoTokensNoChallenge(_logger, flow);
        return CognitoResult<CognitoSignInResult>.Failure(new CognitoError(
            CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered with neither tokens nor a challenge.", System.Net.HttpStatusCode.OK));
    }

    private static CognitoResult<CognitoTokens> ToTokens(CognitoResult<AuthenticationResultType> result, string? username)
    {
        if (!result.Succeeded)
        {
            return CognitoResult<CognitoTokens>.Failure(result.Error);
        }

        if (string.IsNullOrEmpty(result.Value.AccessToken))
        {
            return CognitoResult<CognitoTokens>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered the refresh without tokens.", System.Net.HttpStatusCode.OK));
        }

        return CognitoResult<CognitoTokens>.Success(CognitoResultMapping.ToTokens(result.Value, username));
    }

    private string? SecretHashFor(string username) =>
        Options.ClientSecret is { } secret ? SecretHash.Compute(username, Options.ClientId, secret) : null;

    private void AddSecretHash(Dictionary<string, string> parameters, string username)
    {
        if (SecretHashFor(username) is { } hash)
        {
            parameters["SECRET_HASH"] = hash;
        }
    }
}
