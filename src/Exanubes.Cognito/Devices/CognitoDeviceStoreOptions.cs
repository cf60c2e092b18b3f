using Microsoft.AspNetCore.Http;

namespace Exanubes.Cognito.Devices;

/// <summary>Settings of the built-in <see cref="ICognitoDeviceStore"/> implementations.</summary>
public sealed class CognitoDeviceStoreOptions
{
    /// <summary>
    /// How long a remembered device is kept without being saved again. Default: 90 days. The data-protected payload
    /// expires with it, so an older cookie or cache entry is refused even if a client kept it.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The prefix of the cookie names (one cookie per user pool and user). Default: <c>.Exanubes.Cognito.Device.</c>.
    /// </summary>
    public string CookieNamePrefix { get; set; } = ".Exanubes.Cognito.Device.";

    /// <summary>
    /// Whether the cookie is marked <c>Secure</c>. Default: <see cref="CookieSecurePolicy.Always"/> (browsers accept
    /// secure cookies on <c>http://localhost</c>). Relaxing it sends the device secret over plain HTTP.
    /// </summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.Always;

    /// <summary>The prefix of the distributed-cache keys. Default: <c>exanubes-cognito:device:</c>.</summary>
    public string CacheKeyPrefix { get; set; } = "exanubes-cognito:device:";
}
