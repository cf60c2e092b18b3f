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

    public SignInFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger logger, TimeProvider timeProvider)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoSignInResult>> SignInAsync(string username, string password, CancellationToken cancellationToken = default)
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
        SecretHash.AddTo(parameters, Options, username);
        var initiated = await _client.SendAsync(InitiateAuthRequest.Action,
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
        SecretHash.AddTo(answers, Options, userIdForSrp);
        return await AnswerChallengeAsync(UserSrpAuth, CognitoChallengeNames.PasswordVerifier, response.Session, answers, userIdForSrp, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CognitoResult<CognitoSignInResult>> RespondToChallengeAsync(CognitoChallenge challenge, CognitoChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(response);
        var answers = ChallengeAnswers.Build(challenge, response);
        if (!answers.TryGetValue("USERNAME", out var answerUser))
        {
            answerUser = challenge.Username;
            answers["USERNAME"] = answerUser;
        }

        if (!answers.ContainsKey("SECRET_HASH"))
        {
            SecretHash.AddTo(answers, Options, answerUser);
        }

        return await AnswerChallengeAsync(challenge.Name, challenge.Name, challenge.Session, answers, challenge.Username, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one RespondToAuthChallenge and reads its answer as tokens or the next challenge.</summary>
    private async Task<CognitoResult<CognitoSignInResult>> AnswerChallengeAsync(
        string flow, string challengeName, string? session, Dictionary<string, string> answers, string username, CancellationToken cancellationToken)
    {
        var answered = await _client.SendAsync(RespondToAuthChallengeRequest.Action,
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
}
