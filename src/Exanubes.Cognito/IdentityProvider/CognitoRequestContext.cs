namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// The end-user context shape an action's request accepts, as the API model declares it: <c>UserContextData</c> on
/// the unsigned user actions, <c>ContextData</c> on the signed admin sign-in actions, none elsewhere.
/// </summary>
internal enum CognitoRequestContext
{
    /// <summary>The action takes no end-user context.</summary>
    None = 0,

    /// <summary><c>UserContextData</c> (<c>IpAddress</c>, <c>EncodedData</c>), for threat protection on user actions.</summary>
    UserContextData,

    /// <summary><c>ContextData</c> (<c>IpAddress</c>, <c>ServerName</c>, <c>ServerPath</c>, <c>HttpHeaders</c>, <c>EncodedData</c>), on admin actions.</summary>
    ContextData,
}
