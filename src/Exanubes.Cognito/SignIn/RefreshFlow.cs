using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SignIn;

/// <summary>Refresh: new tokens from a refresh token (Cognito <c>InitiateAuth</c> <c>REFRESH_TOKEN_AUTH</c>, or <c>GetTokensFromRefreshToken</c> with rotation).</summary>
internal sealed class RefreshFlow
{
    private const string RefreshTokenAuth = "REFRESH_TOKEN_AUTH";

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly ILogger _logger;
    private readonly DeviceAuthenticator _devices;

    public RefreshFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ILogger logger, DeviceAuthenticator devices)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _devices = devices;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoTokens>> RefreshAsync(string refreshToken, string? username = null, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var options = Options;

        // API reference, InitiateAuth AuthParameters: "Add DEVICE_KEY if you want to bypass multi-factor
        // authentication with a remembered device"; GetTokensFromRefreshToken takes it as DeviceKey. The AWS clients
        // send the remembered device's key on refresh.
        var device = string.IsNullOrEmpty(username) ? null : await _devices.FindAsync(username, cancellationToken).ConfigureAwait(false);
        if (options.UseGetTokensFromRefreshToken)
        {
            Log.Refreshing(_logger, "GetTokensFromRefreshToken");
            var rotated = await SendRotationAsync(refreshToken, device?.DeviceKey, context, cancellationToken).ConfigureAwait(false);
            if (!rotated.Succeeded && device is not null && DeviceAuthenticator.IsUnknownDevice(rotated.Error))
            {
                Log.RememberedDeviceUnknown(_logger);
                await _devices.ForgetLocallyAsync(username!, cancellationToken).ConfigureAwait(false);
                rotated = await SendRotationAsync(refreshToken, null, context, cancellationToken).ConfigureAwait(false);
            }

            // Refresh-token rotation needs the Essentials plan.
            return ToTokens(rotated.ForTier(CognitoFeatureTier.Essentials).Map(r => r.AuthenticationResult ?? new AuthenticationResultType()), username);
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

            SecretHash.AddTo(parameters, Options, username);
        }

        if (device is not null)
        {
            parameters["DEVICE_KEY"] = device.DeviceKey;
        }

        Log.Refreshing(_logger, "InitiateAuth REFRESH_TOKEN_AUTH");
        var result = await _client.SendAsync(InitiateAuthRequest.Action,
            new InitiateAuthRequest { AuthFlow = RefreshTokenAuth, ClientId = options.ClientId, AuthParameters = parameters },
            context,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && device is not null && DeviceAuthenticator.IsUnknownDevice(result.Error))
        {
            Log.RememberedDeviceUnknown(_logger);
            await _devices.ForgetLocallyAsync(username!, cancellationToken).ConfigureAwait(false);
            parameters.Remove("DEVICE_KEY");
            result = await _client.SendAsync(InitiateAuthRequest.Action,
                new InitiateAuthRequest { AuthFlow = RefreshTokenAuth, ClientId = options.ClientId, AuthParameters = parameters },
                context,
                cancellationToken).ConfigureAwait(false);
        }

        return ToTokens(result.Map(r => r.AuthenticationResult ?? new AuthenticationResultType()), username);
    }

    private Task<CognitoResult<GetTokensFromRefreshTokenResponse>> SendRotationAsync(
        string refreshToken, string? deviceKey, CognitoCallContext? context, CancellationToken cancellationToken)
        => _client.SendAsync(
            GetTokensFromRefreshTokenRequest.Action,
            new GetTokensFromRefreshTokenRequest { ClientId = Options.ClientId, ClientSecret = Options.ClientSecret, RefreshToken = refreshToken, DeviceKey = deviceKey },
            context,
            cancellationToken);

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
}
