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
        var srp = new CognitoSrpClient(Options.UserPoolId);
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
        var signature = srp.ComputePasswordClaimSignature(userIdForSrp, password, srpB, salt, secretBlock, timestamp);

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
        var answered = await _client.RespondToAuthChallengeAsync(
            new RespondToAuthChallengeRequest
            {
                ClientId = Options.ClientId,
                ChallengeName = CognitoChallengeNames.PasswordVerifier,
                Session = response.Session,
                ChallengeResponses = answers,
            },
            cancellationToken).ConfigureAwait(false);
        return ToSignInResult(UserSrpAuth, answered.Map(AsInitiateAuthResponse), userIdForSrp);
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

        var result = await _client.RespondToAuthChallengeAsync(
            new RespondToAuthChallengeRequest
            {
                ClientId = Options.ClientId,
                ChallengeName = challenge.Name,
                Session = challenge.Session,
                ChallengeResponses = answers,
            },
            cancellationToken).ConfigureAwait(false);
        return ToSignInResult(challenge.Name, result.Map(AsInitiateAuthResponse), challenge.Username);
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
