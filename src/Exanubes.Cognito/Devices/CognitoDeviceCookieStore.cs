using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Devices;

/// <summary>
/// Keeps each remembered device in a data-protected, HTTP-only cookie of the current request: the browser is the
/// device. One cookie per user pool and user, named by a hash of both (no user name in clear).
/// </summary>
internal sealed class CognitoDeviceCookieStore : ICognitoDeviceStore
{
    private const string StoreName = "cookie store";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly CognitoDeviceProtector _protector;
    private readonly IOptions<CognitoDeviceStoreOptions> _options;
    private readonly ILogger<CognitoDeviceCookieStore> _logger;

    public CognitoDeviceCookieStore(
        IHttpContextAccessor httpContextAccessor, CognitoDeviceProtector protector, IOptions<CognitoDeviceStoreOptions> options, ILogger<CognitoDeviceCookieStore> logger)
    {
        _httpContextAccessor = httpContextAccessor;
        _protector = protector;
        _options = options;
        _logger = logger;
    }

    public ValueTask<CognitoRememberedDevice?> GetAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var name = CookieName(userPoolId, username);
        var context = Context();
        if (!context.Request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return ValueTask.FromResult<CognitoRememberedDevice?>(null);
        }

        var device = _protector.Unprotect(userPoolId, username, value);
        if (device is null)
        {
            Log.DeviceUnreadable(_logger, userPoolId, StoreName);
            if (!context.Response.HasStarted)
            {
                context.Response.Cookies.Delete(name, CookieOptions(context, TimeSpan.Zero));
            }
        }

        return ValueTask.FromResult(device);
    }

    public ValueTask SaveAsync(string userPoolId, string username, CognitoRememberedDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        var name = CookieName(userPoolId, username);
        var context = Context();
        var lifetime = _options.Value.Lifetime;
        context.Response.Cookies.Append(name, _protector.Protect(userPoolId, username, device, lifetime), CookieOptions(context, lifetime));
        Log.DeviceSaved(_logger, userPoolId, StoreName);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var context = Context();
        context.Response.Cookies.Delete(CookieName(userPoolId, username), CookieOptions(context, TimeSpan.Zero));
        Log.DeviceRemoved(_logger, userPoolId, StoreName);
        return ValueTask.CompletedTask;
    }

    private string CookieName(string userPoolId, string username) => _options.Value.CookieNamePrefix + CognitoDeviceProtector.KeyFor(userPoolId, username);

    private HttpContext Context() => _httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("The Cognito device cookie store needs an HTTP request; use AddCognitoDeviceDistributedCacheStore outside ASP.NET Core requests.");

    private CookieOptions CookieOptions(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Secure = _options.Value.CookieSecurePolicy switch
        {
            CookieSecurePolicy.Always => true,
            CookieSecurePolicy.None => false,
            _ => context.Request.IsHttps,
        },
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
    };
}
