namespace Exanubes.Cognito;

/// <summary>
/// How <see cref="CognitoCallContextHttpContextExtensions.GetCognitoCallContextAsync"/> fills a
/// <see cref="CognitoCallContext"/> from an ASP.NET Core request. Register with <c>AddCognitoCallContext</c>.
/// </summary>
/// <remarks>
/// The IP is <c>HttpContext.Connection.RemoteIpAddress</c>. Behind a proxy or load balancer, configure ASP.NET Core's
/// ForwardedHeaders middleware (<c>app.UseForwardedHeaders()</c> with your proxies as <c>KnownProxies</c> or
/// <c>KnownNetworks</c>): it rewrites <c>RemoteIpAddress</c> from <c>X-Forwarded-For</c> only for trusted proxies.
/// <c>X-Forwarded-For</c> is never read here, because any client can send it.
/// </remarks>
public sealed class CognitoCallContextOptions
{
    /// <summary>
    /// The request headers copied into <see cref="CognitoCallContext.HttpHeaders"/> (the admin actions'
    /// <c>ContextData.HttpHeaders</c>), matched case-insensitively. Default: <c>User-Agent</c>, <c>Accept-Language</c>,
    /// <c>Accept</c>, <c>Origin</c>.
    /// </summary>
    /// <remarks>
    /// <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c> carry the user's credentials and are refused at
    /// start-up unless <see cref="AllowCredentialHeaders"/> is set.
    /// </remarks>
    public IList<string> Headers { get; } = ["User-Agent", "Accept-Language", "Accept", "Origin"];

    /// <summary>
    /// Allows <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c> in <see cref="Headers"/>, so the user's
    /// credentials would be sent to Cognito. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowCredentialHeaders { get; set; }

    /// <summary>
    /// The form field that carries the browser's advanced-security data (the string
    /// <c>AmazonCognitoAdvancedSecurityData.getData(username, userPoolId, clientId)</c> returns), passed through
    /// unchanged as <c>EncodedData</c>. Default: <c>cognitoAsfData</c>; <see langword="null"/> reads no form field.
    /// </summary>
    public string? EncodedDataFormField { get; set; } = "cognitoAsfData";

    /// <summary>
    /// The request header that carries the advanced-security data, for script clients that post JSON; read when the
    /// form field is absent. Default: <c>X-Cognito-Asf-Data</c>; <see langword="null"/> reads no header.
    /// </summary>
    public string? EncodedDataHeader { get; set; } = "X-Cognito-Asf-Data";

    /// <summary>
    /// The longest advanced-security data accepted, in characters; a longer value is not sent (the call still goes
    /// ahead, without device data). Default: 16384.
    /// </summary>
    public int MaxEncodedDataLength { get; set; } = 16 * 1024;
}
