namespace Exanubes.Cognito.Devices;

/// <summary>
/// Keeps the <see cref="CognitoRememberedDevice"/> of a user in a user pool, so a later sign-in from the same device
/// can prove it is remembered and skip MFA. Register one with
/// <see cref="CognitoDeviceStoreServiceCollectionExtensions.AddCognitoDeviceCookieStore"/> (a data-protected cookie:
/// the browser is the device) or
/// <see cref="CognitoDeviceStoreServiceCollectionExtensions.AddCognitoDeviceDistributedCacheStore"/> (an
/// <c>IDistributedCache</c>: the server is the device).
/// </summary>
/// <remarks>
/// Entries are keyed by the user pool id and Cognito's internal user name (<c>USER_ID_FOR_SRP</c>, the access token's
/// <c>username</c> claim), not the alias the user typed, so an email and a phone alias find the same device.
/// Implementations must keep the device password confidential and never log it.
/// </remarks>
public interface ICognitoDeviceStore
{
    /// <summary>Reads the remembered device of a user.</summary>
    /// <param name="userPoolId">The user pool id.</param>
    /// <param name="username">Cognito's internal user name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The device, or <see langword="null"/> when none is kept (or what is kept cannot be read).</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    ValueTask<CognitoRememberedDevice?> GetAsync(string userPoolId, string username, CancellationToken cancellationToken = default);

    /// <summary>Keeps the remembered device of a user, replacing any earlier one.</summary>
    /// <param name="userPoolId">The user pool id.</param>
    /// <param name="username">Cognito's internal user name.</param>
    /// <param name="device">The device.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the device is kept.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    ValueTask SaveAsync(string userPoolId, string username, CognitoRememberedDevice device, CancellationToken cancellationToken = default);

    /// <summary>Forgets the remembered device of a user (after <c>ForgetDevice</c>, or when Cognito no longer knows it).</summary>
    /// <param name="userPoolId">The user pool id.</param>
    /// <param name="username">Cognito's internal user name.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the device is forgotten.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    ValueTask RemoveAsync(string userPoolId, string username, CancellationToken cancellationToken = default);
}
