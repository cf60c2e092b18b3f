using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Srp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SignIn;

/// <summary>Sign-in: USER_PASSWORD_AUTH, USER_SRP_AUTH with its PASSWORD_VERIFIER answer, and answers to the challenges that follow (Cognito <c>InitiateAuth</c>, <c>RespondToAuthChallenge</c>).</summary>
internal sealed class SignInFlow
{
    private const string UserPasswordAuth = "USER_PASSWORD_AUTH";
    private const string UserSrpAuth = "USER_SRP_AUTH";

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly DeviceAuthenticator _devices;

    public SignInFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger logger, TimeProvider timeProvider, DeviceAuthenticator devices)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        _devices = devices;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoSignInResult>> SignInAsync(string username, string password, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["PASSWORD"] = password,
        };
        SecretHash.AddTo(parameters, Options, username);
        var result = await _client.SendAsync(InitiateAuthRequest.Action,
            new InitiateAuthRequest { AuthFlow = UserPasswordAuth, ClientId = Options.ClientId, AuthParameters = parameters },
            context,
            cancellationToken).ConfigureAwait(false);
        return ToSignInResult(UserPasswordAuth, result, username);
    }

    public async Task<CognitoResult<CognitoSignInResult>> SignInWithSrpAsync(string username, string password, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var srp = new CognitoSrpClient(Options.UserPool!);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["SRP_A"] = srp.SrpAHex,
        };
        SecretHash.AddTo(parameters, Options, username);
        var initiated = await _client.SendAsync(InitiateAuthRequest.Action,
            new InitiateAuthRequest { AuthFlow = UserSrpAuth, ClientId = Options.ClientId, AuthParameters = parameters },
            context,
            cancellationToken).ConfigureAwait(false);
        return await ContinueAsync(UserSrpAuth, initiated, username, srp, password, null, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads Cognito's answer to a sign-in step: with an SRP client and password in hand, answers PASSWORD_VERIFIER
    /// (and, on a remembered device, the device steps) itself; otherwise returns tokens or the next step.
    /// </summary>
    internal async Task<CognitoResult<CognitoSignInResult>> ContinueAsync(
        string flow,
        CognitoResult<InitiateAuthResponse> result,
        string username,
        CognitoSrpClient? srp,
        string? password,
        Dictionary<string, string>? clientMetadata,
        CognitoCallContext? context,
        CancellationToken cancellationToken)
    {
        if (!result.Succeeded || srp is null || string.IsNullOrEmpty(password) || result.Value.ChallengeName != CognitoChallengeNames.PasswordVerifier)
        {
            return ToSignInResult(flow, result, username, clientMetadata);
        }

        return await AnswerPasswordVerifierAsync(flow, result.Value, srp, password, clientMetadata, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CognitoResult<CognitoSignInResult>> AnswerPasswordVerifierAsync(
        string flow, InitiateAuthResponse response, CognitoSrpClient srp, string password, Dictionary<string, string>? clientMetadata, CognitoCallContext? context, CancellationToken cancellationToken)
    {
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
        SecretHash.AddTo(answers, Options, userIdForSrp);

        // A remembered device rides along (as the AWS clients send it): Cognito then asks for the device steps
        // instead of MFA. One it no longer knows (forgotten elsewhere) is dropped and the answer sent without it.
        var device = await _devices.FindAsync(userIdForSrp, cancellationToken).ConfigureAwait(false);
        if (device is not null)
        {
            answers["DEVICE_KEY"] = device.DeviceKey;
        }

        var answered = await SendAnswerAsync(CognitoChallengeNames.PasswordVerifier, response.Session, answers, clientMetadata, context, cancellationToken).ConfigureAwait(false);
        if (!answered.Succeeded && device is not null && DeviceAuthenticator.IsUnknownDevice(answered.Error))
        {
            Log.RememberedDeviceUnknown(_logger);
            await _devices.ForgetLocallyAsync(userIdForSrp, cancellationToken).ConfigureAwait(false);
            answers.Remove("DEVICE_KEY");
            device = null;
            answered = await SendAnswerAsync(CognitoChallengeNames.PasswordVerifier, response.Session, answers, clientMetadata, context, cancellationToken).ConfigureAwait(false);
        }

        if (device is not null && answered.Succeeded && answered.Value.ChallengeName == CognitoChallengeNames.DeviceSrpAuth)
        {
            Log.AnsweringDeviceChallenges(_logger);
            answered = await _devices.AuthenticateAsync(device, userIdForSrp, answered.Value.Session, context, cancellationToken).ConfigureAwait(false);
        }

        return ToSignInResult(flow, answered.Map(AsInitiateAuthResponse), userIdForSrp, clientMetadata);
    }


    public async Task<CognitoResult<CognitoSignInResult>> RespondToChallengeAsync(CognitoChallenge challenge, CognitoChallengeResponse response, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(response);
        var metadata = challenge.ClientMetadata is { Count: > 0 } m ? new Dictionary<string, string>(m, StringComparer.Ordinal) : null;
        CognitoSrpClient? srp = null;
        if (response.ResponseKind == CognitoChallengeResponse.Kind.PasswordSrp)
        {
            srp = new CognitoSrpClient(Options.UserPool!);
        }

        var answers = ChallengeAnswers.Build(challenge, response, srp?.SrpAHex);
        if (!answers.TryGetValue("USERNAME", out var answerUser))
        {
            answerUser = challenge.Username;
            answers["USERNAME"] = answerUser;
        }

        if (!answers.ContainsKey("SECRET_HASH"))
        {
            SecretHash.AddTo(answers, Options, answerUser);
        }

        var answered = await SendAnswerAsync(challenge.Name, challenge.Session, answers, metadata, context, cancellationToken).ConfigureAwait(false);
        return await ContinueAsync(challenge.Name, answered.Map(AsInitiateAuthResponse), challenge.Username, srp, srp is null ? null : response.Value, metadata, context, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Sends one RespondToAuthChallenge.</summary>
    private Task<CognitoResult<RespondToAuthChallengeResponse>> SendAnswerAsync(
        string challengeName, string? session, Dictionary<string, string> answers, Dictionary<string, string>? clientMetadata, CognitoCallContext? context, CancellationToken cancellationToken)
        => _client.SendAsync(
            RespondToAuthChallengeRequest.Action,
            new RespondToAuthChallengeRequest
            {
                ClientId = Options.ClientId,
                ChallengeName = challengeName,
                Session = session,
                ChallengeResponses = answers,
                ClientMetadata = clientMetadata,
            },
            context,
            cancellationToken);

    private static InitiateAuthResponse AsInitiateAuthResponse(RespondToAuthChallengeResponse response) => new()
    {
        ChallengeName = response.ChallengeName,
        ChallengeParameters = response.ChallengeParameters,
        Session = response.Session,
        AuthenticationResult = response.AuthenticationResult,
    };

    private CognitoResult<CognitoSignInResult> ToSignInResult(
        string flow, CognitoResult<InitiateAuthResponse> result, string username, IReadOnlyDictionary<string, string>? clientMetadata = null)
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
                new CognitoChallenge(response.ChallengeName, response.Session, challengeUser, parameters)
                {
                    AvailableChallenges = response.AvailableChallenges ?? [],
                    ClientMetadata = clientMetadata,
                }));
        }

        Log.NoTokensNoChallenge(_logger, flow);
        return CognitoResult<CognitoSignInResult>.Failure(new CognitoError(
            CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered with neither tokens nor a challenge.", System.Net.HttpStatusCode.OK));
    }
}
