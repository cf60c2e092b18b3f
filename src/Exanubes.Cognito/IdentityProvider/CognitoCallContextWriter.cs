namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Writes a caller's <see cref="CognitoCallContext"/> into a request, member by member as the request's model input
/// accepts them (the <see cref="ICognitoClientMetadataRequest"/>, <see cref="ICognitoUserContextRequest"/> and
/// <see cref="ICognitoAdminContextRequest"/> a request implements). Members the action does not take are not sent.
/// </summary>
internal static class CognitoCallContextWriter
{
    /// <summary>Fills the context members of <paramref name="request"/> from <paramref name="context"/>.</summary>
    /// <param name="request">The request; members the flow already set (its own client metadata) are kept.</param>
    /// <param name="context">The caller's context; <see langword="null"/> leaves the request unchanged.</param>
    /// <exception cref="ArgumentException">
    /// The context's client metadata gives a key the request's own client metadata gives another value; or an admin
    /// action's <c>ContextData</c> lacks the server name or path the model requires next to the IP.
    /// </exception>
    public static void Apply(object request, CognitoCallContext? context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (context is null)
        {
            return;
        }

        if (request is ICognitoClientMetadataRequest withMetadata && context.ClientMetadata is { Count: > 0 } metadata)
        {
            withMetadata.ClientMetadata = Merge(withMetadata.ClientMetadata, metadata);
        }

        var analytics = context.AnalyticsEndpointId is null ? null : new AnalyticsMetadataType { AnalyticsEndpointId = context.AnalyticsEndpointId };
        if (request is ICognitoUserContextRequest user)
        {
            user.AnalyticsMetadata = analytics ?? user.AnalyticsMetadata;
            if (context.IpAddress is not null || context.EncodedData is not null)
            {
                user.UserContextData = new UserContextDataType { IpAddress = context.IpAddress, EncodedData = context.EncodedData };
            }
        }

        if (request is ICognitoAdminContextRequest admin)
        {
            admin.AnalyticsMetadata = analytics ?? admin.AnalyticsMetadata;
            admin.ContextData = ToContextData(context) ?? admin.ContextData;
        }
    }

    /// <summary>
    /// The admin <c>ContextData</c> for <paramref name="context"/>, or <see langword="null"/> when it carries no IP:
    /// the model requires <c>IpAddress</c>, <c>ServerName</c>, <c>ServerPath</c> and <c>HttpHeaders</c> together.
    /// </summary>
    internal static ContextDataType? ToContextData(CognitoCallContext context)
    {
        if (context.IpAddress is null)
        {
            if (context.ServerName is not null || context.ServerPath is not null || context.EncodedData is not null || context.HttpHeaders.Count > 0)
            {
                throw new ArgumentException(
                    "CognitoCallContext.IpAddress is required for an admin action's ContextData (IpAddress, ServerName, ServerPath and HttpHeaders are required together).",
                    nameof(context));
            }

            return null;
        }

        if (string.IsNullOrEmpty(context.ServerName) || string.IsNullOrEmpty(context.ServerPath))
        {
            throw new ArgumentException(
                "CognitoCallContext.ServerName and ServerPath are required next to IpAddress for an admin action's ContextData; HttpContext.GetCognitoCallContext() fills them.",
                nameof(context));
        }

        return new ContextDataType
        {
            IpAddress = context.IpAddress,
            ServerName = context.ServerName,
            ServerPath = context.ServerPath,
            HttpHeaders = [.. context.HttpHeaders.Select(h => new HttpHeader { HeaderName = h.Key, HeaderValue = h.Value })],
            EncodedData = context.EncodedData,
        };
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string>? own, IReadOnlyDictionary<string, string> fromContext)
    {
        var merged = own is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(own, StringComparer.Ordinal);
        foreach (var (key, value) in fromContext)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value, $"ClientMetadata[{key}]");
            if (merged.TryGetValue(key, out var existing) && !string.Equals(existing, value, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The client metadata key '{key}' is given twice with different values: once by the request and once by the CognitoCallContext.",
                    nameof(fromContext));
            }

            merged[key] = value;
        }

        return merged;
    }
}
