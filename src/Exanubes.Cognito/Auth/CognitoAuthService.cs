using Exanubes.Cognito.Account;
using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Mfa;
using Exanubes.Cognito.SignIn;
using Exanubes.Cognito.SignUp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Auth;

/// <summary>The <see cref="ICognitoAuthService"/>: a thin facade that routes each call to the flow of its feature (sign-up, sign-in, refresh, MFA, account).</summary>
internal sealed class CognitoAuthService : ICognitoAuthService
{
    private readonly SignUpFlow _signUp;
    private readonly SignInFlow _signIn;
    private readonly RefreshFlow _refresh;
    private readonly MfaFlow _mfa;
    private readonly AccountFlow _account;

    public CognitoAuthService(
        CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger<CognitoAuthService> logger, TimeProvider timeProvider, ICognitoDeviceStore? deviceStore = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _signUp = new SignUpFlow(client, options);
        var devices = new DeviceAuthenticator(client, options, timeProvider, deviceStore);
        _signIn = new SignInFlow(client, options, logger, timeProvider, devices);
        _refresh = new RefreshFlow(client, options, logger, devices);
        _mfa = new MfaFlow(client, options, logger);
        _account = new AccountFlow(client, options);
    }

    public Task<CognitoResult<CognitoSignUpResult>> SignUpAsync(CognitoSignUpRequest request, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signUp.SignUpAsync(request, context, cancellationToken);

    public Task<CognitoResult> ConfirmSignUpAsync(string username, string confirmationCode, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signUp.ConfirmSignUpAsync(username, confirmationCode, context, cancellationToken);

    public Task<CognitoResult<CognitoCodeDelivery>> ResendConfirmationCodeAsync(string username, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signUp.ResendConfirmationCodeAsync(username, context, cancellationToken);

    public Task<CognitoResult<CognitoSignInResult>> SignInAsync(string username, string password, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signIn.SignInAsync(username, password, context, cancellationToken);

    public Task<CognitoResult<CognitoSignInResult>> SignInWithSrpAsync(string username, string password, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signIn.SignInWithSrpAsync(username, password, context, cancellationToken);

    public Task<CognitoResult<CognitoSignInResult>> RespondToChallengeAsync(CognitoChallenge challenge, CognitoChallengeResponse response, CognitoCallContext? context, CancellationToken cancellationToken)
        => _signIn.RespondToChallengeAsync(challenge, response, context, cancellationToken);

    public Task<CognitoResult<CognitoTokens>> RefreshAsync(string refreshToken, string? username, CognitoCallContext? context, CancellationToken cancellationToken)
        => _refresh.RefreshAsync(refreshToken, username, context, cancellationToken);

    public Task<CognitoResult<CognitoCodeDelivery>> ForgotPasswordAsync(string username, CognitoCallContext? context, CancellationToken cancellationToken)
        => _account.ForgotPasswordAsync(username, context, cancellationToken);

    public Task<CognitoResult> ConfirmForgotPasswordAsync(string username, string confirmationCode, string newPassword, CognitoCallContext? context, CancellationToken cancellationToken)
        => _account.ConfirmForgotPasswordAsync(username, confirmationCode, newPassword, context, cancellationToken);

    public Task<CognitoResult> ChangePasswordAsync(string accessToken, string previousPassword, string proposedPassword, CancellationToken cancellationToken)
        => _account.ChangePasswordAsync(accessToken, previousPassword, proposedPassword, cancellationToken);

    public Task<CognitoResult<CognitoUser>> GetUserAsync(string accessToken, CancellationToken cancellationToken)
        => _account.GetUserAsync(accessToken, cancellationToken);

    public Task<CognitoResult<IReadOnlyList<CognitoCodeDelivery>>> UpdateAttributesAsync(string accessToken, IReadOnlyDictionary<string, string> attributes, CognitoCallContext? context, CancellationToken cancellationToken)
        => _account.UpdateAttributesAsync(accessToken, attributes, context, cancellationToken);

    public Task<CognitoResult> VerifyAttributeAsync(string accessToken, string attributeName, string code, CancellationToken cancellationToken)
        => _account.VerifyAttributeAsync(accessToken, attributeName, code, cancellationToken);

    public Task<CognitoResult<CognitoCodeDelivery>> GetAttributeVerificationCodeAsync(string accessToken, string attributeName, CognitoCallContext? context, CancellationToken cancellationToken)
        => _account.GetAttributeVerificationCodeAsync(accessToken, attributeName, context, cancellationToken);

    public Task<CognitoResult> GlobalSignOutAsync(string accessToken, CancellationToken cancellationToken)
        => _account.GlobalSignOutAsync(accessToken, cancellationToken);

    public Task<CognitoResult> RevokeTokenAsync(string refreshToken, CancellationToken cancellationToken)
        => _account.RevokeTokenAsync(refreshToken, cancellationToken);

    public Task<CognitoResult> DeleteUserAsync(string accessToken, CancellationToken cancellationToken)
        => _account.DeleteUserAsync(accessToken, cancellationToken);

    public Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupAsync(string accessToken, CancellationToken cancellationToken)
        => _mfa.BeginTotpSetupAsync(accessToken, cancellationToken);

    public Task<CognitoResult<CognitoTotpSetup>> BeginTotpSetupForSignInAsync(CognitoChallenge challenge, CancellationToken cancellationToken)
        => _mfa.BeginTotpSetupForSignInAsync(challenge, cancellationToken);

    public Task<CognitoResult> CompleteTotpSetupAsync(string accessToken, string code, string? friendlyDeviceName, CancellationToken cancellationToken)
        => _mfa.CompleteTotpSetupAsync(accessToken, code, friendlyDeviceName, cancellationToken);

    public Task<CognitoResult<CognitoChallenge>> CompleteTotpSetupForSignInAsync(CognitoChallenge challenge, string code, string? friendlyDeviceName, CancellationToken cancellationToken)
        => _mfa.CompleteTotpSetupForSignInAsync(challenge, code, friendlyDeviceName, cancellationToken);

    public Task<CognitoResult> SetMfaPreferenceAsync(string accessToken, CognitoMfaPreference preference, CancellationToken cancellationToken)
        => _mfa.SetMfaPreferenceAsync(accessToken, preference, cancellationToken);
}
