using Exanubes.Cognito;

namespace Exanubes.Cognito.Sample.WebApp.Auth;

/// <summary>
/// The end user's context for each Cognito call the demo makes: the IP, host, path, allowed headers and advanced-security
/// data from the request (<c>GetCognitoCallContextAsync</c>), plus the browser's preferred language as the client
/// metadata <c>locale</c>, from which the email sender picks its template (German for <c>de</c>).
/// </summary>
internal static class DemoCallContext
{
    public static ValueTask<CognitoCallContext> ForAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // Untrusted, like all client metadata: the sender only uses it to choose among its own templates.
        var language = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*" && l.Value.Length <= 35)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault();
        var metadata = language is null ? null : new Dictionary<string, string> { ["locale"] = language };
        return http.GetCognitoCallContextAsync(metadata, cancellationToken);
    }
}
