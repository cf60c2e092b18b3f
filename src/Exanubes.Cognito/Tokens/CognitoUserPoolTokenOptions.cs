namespace Exanubes.Cognito.Tokens;

/// <summary>One accepted user pool: its id, the app clients whose tokens are accepted and the optional extra checks.</summary>
/// <remarks>
/// The issuer and the JWKS address are derived from <see cref="UserPoolId"/>, whose region names the AWS partition
/// (<c>https://cognito-idp.{region}.{dns-suffix}/{userPoolId}</c> and its <c>/.well-known/jwks.json</c>); only an
/// explicit <see cref="Issuer"/> or <see cref="JwksUri"/> may use plain <c>http</c> (local stacks such as
/// cognito-local). Signing keys are fetched only from this address, never from a URL found in a token.
/// </remarks>
public sealed class CognitoUserPoolTokenOptions
{
    /// <summary>
    /// The user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (cognito-local: <c>local_&lt;id&gt;</c>, with an explicit
    /// <see cref="Issuer"/>). Required; an id that is not one fails at start-up.
    /// </summary>
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>
    /// The exact <c>iss</c> to accept, for local stacks (cognito-local issues <c>http://{host}:{port}/{userPoolId}</c>).
    /// Default <see langword="null"/>: <c>https://cognito-idp.{region}.{dns-suffix}/{userPoolId}</c>.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Where to fetch the pool's signing keys. Default <see langword="null"/>: <c>{issuer}/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>
    /// The app client ids whose tokens are accepted: <c>client_id</c> of access tokens, <c>aud</c> of id tokens.
    /// Required (at least one) unless <see cref="AllowAnyClient"/> is set.
    /// </summary>
    public IList<string> ClientIds { get; } = [];

    /// <summary>
    /// Accepts tokens of every app client of the pool. Default: <see langword="false"/>. Security: any app client,
    /// including ones made for other apps or for testing, can then call you.
    /// </summary>
    public bool AllowAnyClient { get; set; }

    /// <summary>When not empty, the token's <c>cognito:groups</c> must contain at least one of these. Default: empty (no check).</summary>
    public IList<string> RequiredGroups { get; } = [];

    /// <summary>When not empty, the token's <c>scope</c> must contain at least one of these (access tokens). Default: empty (no check).</summary>
    public IList<string> RequiredScopes { get; } = [];

    /// <summary>
    /// When set, <c>auth_time</c> must be at most this long ago (plus clock skew), forcing a fresh sign-in for
    /// sensitive APIs even while refreshed tokens keep coming. Default <see langword="null"/>: no check.
    /// </summary>
    public TimeSpan? MaxAuthenticationAge { get; set; }

    /// <summary>
    /// A custom check that runs after all others, on every validation (cache hits included); throw a
    /// <see cref="CognitoTokenValidationException"/> to reject the token. Default <see langword="null"/>.
    /// </summary>
    public Action<CognitoValidatedToken>? AdditionalCheck { get; set; }
}
