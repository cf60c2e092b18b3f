using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Srp;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Devices;

/// <summary>
/// Remembered devices: <c>ConfirmDevice</c> with a fresh device verifier, <c>UpdateDeviceStatus</c>, <c>ForgetDevice</c>,
/// <c>ListDevices</c>, <c>GetDevice</c>, and the device store that keeps the device password.
/// </summary>
internal sealed class DeviceFlow : ICognitoDevices
{
    private const string Remembered = "remembered";
    private const string NotRemembered = "not_remembered";

    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly ICognitoDeviceStore? _store;

    public DeviceFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, ICognitoDeviceStore? store = null)
    {
        _client = client;
        _options = options;
        _store = store;
    }

    private string UserPoolId => _options.Value.UserPool!.Value;

    public async Task<CognitoResult> RememberDeviceAsync(CognitoTokens tokens, string? deviceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var newDevice = tokens.NewDevice
            ?? throw new ArgumentException("These tokens carry no NewDevice: Cognito issues one on a sign-in from a new device when the pool tracks devices.", nameof(tokens));
        if (string.IsNullOrEmpty(tokens.Username))
        {
            throw new ArgumentException("These tokens carry no user name to keep the device under.", nameof(tokens));
        }

        var store = _store ?? throw new InvalidOperationException(
            "Remembering a device needs an ICognitoDeviceStore: call AddCognitoDeviceCookieStore() or AddCognitoDeviceDistributedCacheStore().");
        var verifier = CognitoDeviceSrp.CreateVerifier(newDevice.DeviceGroupKey, newDevice.DeviceKey);
        var confirmed = await _client.SendAsync(
            ConfirmDeviceRequest.Action,
            new ConfirmDeviceRequest
            {
                AccessToken = tokens.AccessToken,
                DeviceKey = newDevice.DeviceKey,
                DeviceSecretVerifierConfig = new DeviceSecretVerifierConfigType { PasswordVerifier = verifier.PasswordVerifierBase64, Salt = verifier.SaltBase64 },
                DeviceName = deviceName,
            },
            cancellationToken).ConfigureAwait(false);
        if (!confirmed.Succeeded)
        {
            return CognitoResult.Failure(confirmed.Error);
        }

        // With "remember on user prompt", ConfirmDevice answers UserConfirmationNecessary: the user asked, so say so.
        if (confirmed.Value.UserConfirmationNecessary == true)
        {
            var status = await UpdateStatusAsync(tokens.AccessToken, newDevice.DeviceKey, remembered: true, cancellationToken).ConfigureAwait(false);
            if (!status.Succeeded)
            {
                return status;
            }
        }

        await store.SaveAsync(UserPoolId, tokens.Username, new CognitoRememberedDevice(newDevice.DeviceKey, newDevice.DeviceGroupKey, verifier.DevicePassword), cancellationToken)
            .ConfigureAwait(false);
        return CognitoResult.Success;
    }

    public async Task<CognitoResult> ForgetAsync(string accessToken, string deviceKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        var result = await _client.SendAsync(ForgetDeviceRequest.Action, new ForgetDeviceRequest { AccessToken = accessToken, DeviceKey = deviceKey }, cancellationToken)
            .ConfigureAwait(false);
        if (result.Succeeded && _store is not null && CognitoResultMapping.ReadUsernameClaim(accessToken) is { } username)
        {
            var kept = await _store.GetAsync(UserPoolId, username, cancellationToken).ConfigureAwait(false);
            if (kept is not null && string.Equals(kept.DeviceKey, deviceKey, StringComparison.Ordinal))
            {
                await _store.RemoveAsync(UserPoolId, username, cancellationToken).ConfigureAwait(false);
            }
        }

        return result.Succeeded ? CognitoResult.Success : CognitoResult.Failure(result.Error);
    }

    public async Task<CognitoResult<CognitoDevicePage>> ListAsync(string accessToken, int? limit = null, string? paginationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        if (limit is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "ListDevices takes a limit of 1 to 60.");
        }

        var result = await _client.SendAsync(
            ListDevicesRequest.Action,
            new ListDevicesRequest { AccessToken = accessToken, Limit = limit, PaginationToken = paginationToken },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => new CognitoDevicePage([.. (r.Devices ?? []).Where(d => !string.IsNullOrEmpty(d.DeviceKey)).Select(ToDevice)], r.PaginationToken));
    }

    public async Task<CognitoResult<CognitoDevice>> GetAsync(string accessToken, string deviceKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        var result = await _client.SendAsync(GetDeviceRequest.Action, new GetDeviceRequest { AccessToken = accessToken, DeviceKey = deviceKey }, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return CognitoResult<CognitoDevice>.Failure(result.Error);
        }

        return result.Value.Device is { DeviceKey: { Length: > 0 } } device
            ? CognitoResult<CognitoDevice>.Success(ToDevice(device))
            : CognitoResult<CognitoDevice>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered GetDevice without a device.", System.Net.HttpStatusCode.OK));
    }

    public async Task<CognitoResult> UpdateStatusAsync(string accessToken, string deviceKey, bool remembered, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        var result = await _client.SendAsync(
            UpdateDeviceStatusRequest.Action,
            new UpdateDeviceStatusRequest { AccessToken = accessToken, DeviceKey = deviceKey, DeviceRememberedStatus = remembered ? Remembered : NotRemembered },
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? CognitoResult.Success : CognitoResult.Failure(result.Error);
    }

    private static CognitoDevice ToDevice(DeviceType device) => new(
        device.DeviceKey!,
        (device.DeviceAttributes ?? []).Where(a => a.Name.Length > 0).GroupBy(a => a.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal),
        device.DeviceCreateDate,
        device.DeviceLastModifiedDate,
        device.DeviceLastAuthenticatedDate);
}
