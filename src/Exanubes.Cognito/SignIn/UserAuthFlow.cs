using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Srp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SignIn;

/// <summary>
/// Choice-based sign-in (<c>InitiateAuth</c> with <c>USER_AUTH</c>), sign-in right after <c>ConfirmSignUp</c>, and
/// <c>GetUserAuthFactors</c>. Answers to the steps that follow go through <see cref="SignInFlow"/>.
/// </summary>
internal sealed class UserAuthFlow : ICognitoPasswordless
{
    internal const string UserAuth = "USER_AUTH";

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly SignInFlow _signIn;

    public UserAuthFlow(
        CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger<UserAuthFlow> logger, TimeProvider timeProvider, ICognitoDeviceStore? deviceStore = null)
    {
        _client = client;
        _options = options;
        _signIn = new SignInFlow(client, options, logger, timeProvider, new DeviceAuthenticator(client, options, timeProvider, deviceStore));
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoSignInResult>> SignInAsync(CognitoUserAuthRequest request, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = request.Username };
        CognitoSrpClient? srp = null;
        if (request.PreferredFirstFactor is { } preferred)
        {
            parameters["PREFERRED_CHALLENGE"] = CognitoFirstFactors.ToWireName(preferred);
            if (preferred is CognitoFirstFactor.Password or CognitoFirstFactor.PasswordSrp)
            {
                if (string.IsNullOrEmpty(request.Password))
                {
                    throw new ArgumentException($"A preferred {preferred} sign-in needs CognitoUserAuthRequest.Password.", nameof(request));
                }

                if (preferred == CognitoFirstFactor.Password)
                {
                    parameters["PASSWORD"] = request.Password;
                }
                else
                {
                    srp = new CognitoSrpClient(Options.UserPool!);
                    parameters["SRP_A"] = srp.SrpAHex;
                }
            }
        }

        SecretHash.AddTo(parameters, Options, request.Username);
        var metadata = request.ClientMetadata is { Count: > 0 } m ? new Dictionary<string, string>(m, StringComparer.Ordinal) : null;
        var result = await _client.SendAsync(
            InitiateAuthRequest.Action,
            new InitiateAuthRequest { AuthFlow = UserAuth, ClientId = Options.ClientId, AuthParameters = parameters, ClientMetadata = metadata },
            context,
            cancellationToken).ConfigureAwait(false);

        // Choice-based sign-in needs the Essentials plan.
        return await _signIn.ContinueAsync(UserAuth, result.ForTier(CognitoFeatureTier.Essentials), request.Username, srp, request.Password, metadata, context, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CognitoResult<CognitoSignInResult>> ConfirmSignUpAndSignInAsync(string username, string confirmationCode, string signUpSession, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(confirmationCode);
        ArgumentException.ThrowIfNullOrEmpty(signUpSession);
        var confirmed = await _client.SendAsync(
            ConfirmSignUpRequest.Action,
            new ConfirmSignUpRequest
            {
                ClientId = Options.ClientId,
                Username = username,
                ConfirmationCode = confirmationCode,
                SecretHash = SecretHash.For(Options, username),
                Session = signUpSession,
            },
            context,
            cancellationToken).ConfigureAwait(false);
        if (!confirmed.Succeeded)
        {
            return CognitoResult<CognitoSignInResult>.Failure(confirmed.Error);
        }

        if (string.IsNullOrEmpty(confirmed.Value.Session))
        {
            return CognitoResult<CognitoSignInResult>.Failure(new CognitoError(
                CognitoErrorCode.Unknown,
                "InvalidResponse",
                "Cognito confirmed the sign-up but returned no session to sign in with (does the app client allow ALLOW_USER_AUTH?). The user is confirmed; sign in normally.",
                System.Net.HttpStatusCode.OK));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = username };
        SecretHash.AddTo(parameters, Options, username);
        var result = await _client.SendAsync(
            InitiateAuthRequest.Action,
            new InitiateAuthRequest { AuthFlow = UserAuth, ClientId = Options.ClientId, AuthParameters = parameters, Session = confirmed.Value.Session },
            context,
            cancellationToken).ConfigureAwait(false);
        return await _signIn.ContinueAsync(UserAuth, result, username, null, null, null, context, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CognitoResult<CognitoUserAuthFactors>> GetAuthFactorsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = (await _client.SendAsync(GetUserAuthFactorsRequest.Action, new GetUserAuthFactorsRequest { AccessToken = accessToken }, cancellationToken)
            .ConfigureAwait(false)).ForTier(CognitoFeatureTier.Essentials);
        if (!result.Succeeded)
        {
            return CognitoResult<CognitoUserAuthFactors>.Failure(result.Error);
        }

        var value = result.Value;
        if (string.IsNullOrEmpty(value.Username))
        {
            return CognitoResult<CognitoUserAuthFactors>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered GetUserAuthFactors without a user name.", System.Net.HttpStatusCode.OK));
        }

        // AuthFactorType names PASSWORD for both password factors; a factor this library does not know is skipped.
        var factors = (value.ConfiguredUserAuthFactors ?? []).Select(CognitoFirstFactors.Parse).OfType<CognitoFirstFactor>().Distinct().ToList();
        return CognitoResult<CognitoUserAuthFactors>.Success(new CognitoUserAuthFactors(value.Username, factors, value.UserMfaSettingList ?? [], value.PreferredMfaSetting));
    }
}
