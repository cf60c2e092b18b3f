using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito;

/// <summary>Fills a <see cref="CognitoCallContext"/> from the ASP.NET Core request that is calling Cognito.</summary>
public static class CognitoCallContextHttpContextExtensions
{
    /// <summary>
    /// The end user's context for a Cognito call made while serving <paramref name="httpContext"/>: the client IP
    /// (<c>Connection.RemoteIpAddress</c>, as the ForwardedHeaders middleware left it), the host name and path, the
    /// allowed headers, and the advanced-security <c>EncodedData</c> from the configured form field or header.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="clientMetadata">Client metadata for the Lambda triggers (for example <c>locale</c>); <see langword="null"/> sends none.</param>
    /// <param name="cancellationToken">Cancels reading the form.</param>
    /// <returns>The context; pass it as the <c>context</c> argument of the flow methods.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Options come from <c>AddCognitoCallContext</c> (<see cref="CognitoCallContextOptions"/>), or its defaults. The
    /// form is read only when the request has a form content type. <c>X-Forwarded-For</c> is never parsed here: behind
    /// a proxy, configure <c>UseForwardedHeaders</c> with your trusted proxies.
    /// </remarks>
    public static async ValueTask<CognitoCallContext> GetCognitoCallContextAsync(
        this HttpContext httpContext, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices?.GetService<IOptions<CognitoCallContextOptions>>()?.Value ?? new CognitoCallContextOptions();
        var request = httpContext.Request;

        string? encodedData = null;
        if (options.EncodedDataFormField is { Length: > 0 } field && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            encodedData = NonEmpty(form[field].ToString());
        }

        if (encodedData is null && options.EncodedDataHeader is { Length: > 0 } header)
        {
            encodedData = NonEmpty(request.Headers[header].ToString());
        }

        if (encodedData is not null && encodedData.Length > options.MaxEncodedDataLength)
        {
            encodedData = null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in options.Headers)
        {
            // Never the user's credentials unless explicitly allowed (AddCognitoCallContext also refuses them at start-up).
            if (!options.AllowCredentialHeaders && IsCredentialHeader(name))
            {
                continue;
            }

            if (request.Headers.TryGetValue(name, out var values))
            {
                headers.Add(new KeyValuePair<string, string>(name, values.ToString()));
            }
        }

        return new CognitoCallContext
        {
            ClientMetadata = clientMetadata,
            IpAddress = FormatIp(httpContext.Connection.RemoteIpAddress),
            EncodedData = encodedData,
            ServerName = NonEmpty(request.Host.Host),
            ServerPath = NonEmpty(request.PathBase.Add(request.Path).Value) ?? "/",
            HttpHeaders = headers,
        };
    }

    internal static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase);

    private static string? FormatIp(IPAddress? address) => address is null ? null
        : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString()
        : address.ToString();

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
