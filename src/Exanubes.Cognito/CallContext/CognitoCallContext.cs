namespace Exanubes.Cognito;

/// <summary>
/// The end user's context for one Cognito call: client metadata for your Lambda triggers, the end user's IP and device
/// data for threat protection, and the analytics endpoint. Pass it as the <c>context</c> argument of any flow method;
/// each action sends the members its API model accepts (<c>ClientMetadata</c>, <c>UserContextData</c> and
/// <c>AnalyticsMetadata</c> on user actions; <c>ClientMetadata</c> on the admin actions) and ignores the rest.
/// </summary>
/// <remarks>
/// In ASP.NET Core, <c>HttpContext.GetCognitoCallContext()</c> fills the IP, server name, path, allowed headers and
/// the advanced-security script's <c>EncodedData</c> from the request. Without a context, Cognito's threat protection
/// (Plus plan) sees your server's IP for every user.
/// Client metadata reaches your Lambda triggers as <c>clientMetadata</c>; it is untrusted input there (the caller of
/// your API chose it) and is never sent to Cognito's own checks. Cognito does not store it.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html#user-pool-settings-adaptive-authentication-device-fingerprint"/>.
/// </remarks>
public sealed class CognitoCallContext
{
    /// <summary>
    /// Key-value pairs passed to the Lambda triggers the call fires (for example <c>locale</c> for the custom email
    /// sender); <see langword="null"/> (the default) sends none. Untrusted in the trigger.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    /// <summary>The end user's IP address, as your server saw it (<c>IpAddress</c>); <see langword="null"/> (the default) sends none.</summary>
    public string? IpAddress { get; init; }

    /// <summary>
    /// The device fingerprint collected in the browser by Cognito's advanced-security script
    /// (<c>AmazonCognitoAdvancedSecurityData.getData</c>), passed through unchanged (<c>EncodedData</c>);
    /// <see langword="null"/> (the default) sends none.
    /// </summary>
    public string? EncodedData { get; init; }

    /// <summary>Your service endpoint's host name, for the admin actions' <c>ContextData.ServerName</c>; <see langword="null"/> by default.</summary>
    public string? ServerName { get; init; }

    /// <summary>Your service endpoint's path, for the admin actions' <c>ContextData.ServerPath</c>; <see langword="null"/> by default.</summary>
    public string? ServerPath { get; init; }

    /// <summary>
    /// HTTP headers of the end user's request, for the admin actions' <c>ContextData.HttpHeaders</c>; empty by default.
    /// Never put <c>Authorization</c> or <c>Cookie</c> here: Cognito would receive the user's credentials.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HttpHeaders { get; init; } = [];

    /// <summary>The Amazon Pinpoint endpoint id (<c>AnalyticsMetadata.AnalyticsEndpointId</c>); <see langword="null"/> (the default) sends none.</summary>
    public string? AnalyticsEndpointId { get; init; }

    /// <summary>A copy of this context with <paramref name="clientMetadata"/> as its <see cref="ClientMetadata"/>.</summary>
    /// <param name="clientMetadata">The client metadata of the copy; <see langword="null"/> sends none.</param>
    /// <returns>The copy; this instance is unchanged.</returns>
    public CognitoCallContext WithClientMetadata(IReadOnlyDictionary<string, string>? clientMetadata) => new()
    {
        ClientMetadata = clientMetadata,
        IpAddress = IpAddress,
        EncodedData = EncodedData,
        ServerName = ServerName,
        ServerPath = ServerPath,
        HttpHeaders = HttpHeaders,
        AnalyticsEndpointId = AnalyticsEndpointId,
    };
}
