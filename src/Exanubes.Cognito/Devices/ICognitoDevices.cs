namespace Exanubes.Cognito.Devices;

/// <summary>
/// Remembered devices: remember the device a user just signed in from, so later SRP sign-ins from it skip MFA; list,
/// read, forget devices and change their remembered status. Registered by <c>AddCognitoAuth</c>; needs an
/// <see cref="ICognitoDeviceStore"/> (<c>AddCognitoDeviceCookieStore</c> or <c>AddCognitoDeviceDistributedCacheStore</c>).
/// </summary>
/// <remarks>
/// <para>
/// As documented, device authentication works with SRP sign-in: after <see cref="ICognitoAuthService.SignInWithSrpAsync"/>
/// (or USER_AUTH with <c>PASSWORD_SRP</c>) proves the password, the service finds the remembered device in the store,
/// sends its <c>DEVICE_KEY</c>, and answers <c>DEVICE_SRP_AUTH</c> and <c>DEVICE_PASSWORD_VERIFIER</c> itself, so
/// Cognito skips MFA. A refresh sends the remembered device's <c>DEVICE_KEY</c> too.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html"/>.
/// </para>
/// </remarks>
public interface ICognitoDevices
{
    /// <summary>
    /// Remembers the device of a fresh sign-in: draws a device password, registers its SRP verifier with
    /// <c>ConfirmDevice</c>, marks the device <c>remembered</c> (<c>UpdateDeviceStatus</c>) when the pool asks the user
    /// first, and keeps the device in the <see cref="ICognitoDeviceStore"/>.
    /// </summary>
    /// <param name="tokens">The tokens of the sign-in; <see cref="CognitoTokens.NewDevice"/> must be set.</param>
    /// <param name="deviceName">A name shown in the user's device list, for example the browser; optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error.</returns>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> carries no <see cref="CognitoTokens.NewDevice"/> or no user name.</exception>
    Task<CognitoResult> RememberDeviceAsync(CognitoTokens tokens, string? deviceName = null, CancellationToken cancellationToken = default);

    /// <summary>Forgets a device (Cognito <c>ForgetDevice</c>) and drops it from the store when it is this one.</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error (for example <see cref="CognitoErrorCode.ResourceNotFound"/>).</returns>
    Task<CognitoResult> ForgetAsync(string accessToken, string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's tracked devices (Cognito <c>ListDevices</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="limit">At most this many per page (1-60); <see langword="null"/> for Cognito's default.</param>
    /// <param name="paginationToken">The <see cref="CognitoDevicePage.PaginationToken"/> of the previous page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A page of devices; or the error.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1-60.</exception>
    Task<CognitoResult<CognitoDevicePage>> ListAsync(string accessToken, int? limit = null, string? paginationToken = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one device (Cognito <c>GetDevice</c>).</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device; or the error (for example <see cref="CognitoErrorCode.ResourceNotFound"/>).</returns>
    Task<CognitoResult<CognitoDevice>> GetAsync(string accessToken, string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>Marks a device remembered or not (Cognito <c>UpdateDeviceStatus</c>); a device not remembered no longer skips MFA.</summary>
    /// <param name="accessToken">The user's access token; never logged.</param>
    /// <param name="deviceKey">The device key.</param>
    /// <param name="remembered">Whether the device is remembered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; or the error.</returns>
    Task<CognitoResult> UpdateStatusAsync(string accessToken, string deviceKey, bool remembered, CancellationToken cancellationToken = default);
}
