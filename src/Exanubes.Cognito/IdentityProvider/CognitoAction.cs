using System.Text.Json.Serialization.Metadata;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// What the wire client needs to know about one Cognito action: its wire name, whether it is SigV4-signed, whether it
/// is safe to retry, and which end-user context shape it accepts. Each action's file declares one, as the static
/// <c>Action</c> property of its request type, and the client sends any of them through one generic path.
/// </summary>
/// <remarks>
/// Safe to retry means a second run after a lost answer leaves the same state and reports the same outcome: reads and
/// idempotent changes. Never retried: anything that sends a message or code, consumes a code, session or refresh token,
/// issues a new secret, counts toward lockout, or whose second run would report a false failure or race a newer change.
/// </remarks>
internal abstract class CognitoAction
{
    private protected CognitoAction(string name, bool signed, bool retryable, CognitoRequestContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Signed = signed;
        Retryable = retryable;
        Context = context;
        Target = CognitoProtocol.TargetPrefix + name;
    }

    /// <summary>The action's name in the API (<c>SignUp</c>), the suffix of <c>X-Amz-Target</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the request is signed with SigV4 (the admin actions) or sent without credentials.</summary>
    public bool Signed { get; }

    /// <summary>Whether the retry handler may repeat the request on throttling, 5xx and transport failures.</summary>
    public bool Retryable { get; }

    /// <summary>The end-user context shape the action's request accepts.</summary>
    public CognitoRequestContext Context { get; }

    /// <summary>The full <c>X-Amz-Target</c> header value.</summary>
    public string Target { get; }

    /// <summary>The request type.</summary>
    public abstract Type RequestType { get; }

    /// <summary>The response type.</summary>
    public abstract Type ResponseType { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A <see cref="CognitoAction"/> with its request and response shapes and their JSON metadata.</summary>
/// <typeparam name="TRequest">The request shape.</typeparam>
/// <typeparam name="TResponse">The response shape.</typeparam>
internal sealed class CognitoAction<TRequest, TResponse> : CognitoAction
    where TRequest : class
    where TResponse : class, new()
{
    public CognitoAction(
        string name,
        bool signed,
        bool retryable,
        CognitoRequestContext context,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo)
        : base(name, signed, retryable, context)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        ArgumentNullException.ThrowIfNull(responseInfo);
        RequestInfo = requestInfo;
        ResponseInfo = responseInfo;
    }

    /// <summary>The source-generated JSON metadata of the request.</summary>
    public JsonTypeInfo<TRequest> RequestInfo { get; }

    /// <summary>The source-generated JSON metadata of the response.</summary>
    public JsonTypeInfo<TResponse> ResponseInfo { get; }

    /// <inheritdoc />
    public override Type RequestType => typeof(TRequest);

    /// <inheritdoc />
    public override Type ResponseType => typeof(TResponse);
}
