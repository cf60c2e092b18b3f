namespace Exanubes.Cognito.Tokens;

/// <summary>One accepted user pool: its id, the app clients whose tokens are accepted and the optional extra checks.</summary>
/// <remarks>
/// The issuers and JWKS addresses are derived from <see cref="UserPoolId"/>, whose region names the AWS partition:
/// both issuer forms (<see cref="CognitoIssuerForm"/>) and each one's <c>/.well-known/jwks.json</c>. Another pool's
/// token, a look-alike host, <c>http</c> or a trailing slash match no accepted issuer. Only an explicit
/// <see cref="Issuer"/> or <see cref="JwksUri"/> may use plain <c>http</c>, and only on loopback (local stacks such as
/// cognito-local or moto) unless <see cref="AllowInsecureHttp"/>. Signing keys come only from the configured
/// addresses or documents, never from a URL found in a token.
/// </remarks>
public sealed class CognitoUserPoolTokenOptions
{
    /// <summary>
    /// The user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (cognito-local: <c>local_&lt;id&gt;</c>, with an explicit
    /// <see cref="Issuer"/>). Required; an id that is not one fails at start-up.
    /// </summary>
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>
    /// The exact <c>iss</c> to accept, for local stacks (cognito-local issues <c>http://{host}:{port}/{userPoolId}</c>);
    /// setting it accepts only this issuer. Default <see langword="null"/>: both issuer forms of the pool in its
    /// partition's DNS suffix, <c>https://cognito-idp.{region}.{dns-suffix}/{userPoolId}</c> and
    /// <c>https://issuer-cognito-idp.{region}.{dns-suffix}/{userPoolId}</c> (see <see cref="IssuerForm"/>).
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Pins one issuer form: only tokens of that form are accepted, and its keys are loaded at start-up. Default
    /// <see langword="null"/>: both forms are accepted, and each form's JWKS is fetched when its first token arrives
    /// (only forms seen so far are refreshed and health-checked).
    /// </summary>
    public CognitoIssuerForm? IssuerForm { get; set; }

    /// <summary>
    /// The regions of the pool's multi-Region replicas, whose tokens carry the replica region in <c>iss</c>: each is
    /// accepted in the same forms, in the same partition. Default: empty (replica tokens are rejected).
    /// </summary>
    public IList<string> ReplicaRegions { get; } = [];

    /// <summary>
    /// Where to fetch the pool's signing keys, apart from the issuer (for example an emulator that issues the AWS
    /// issuer but serves keys on loopback). Default <see langword="null"/>: <c>{issuer}/.well-known/jwks.json</c> of
    /// each accepted issuer. Plain <c>http</c> only for a loopback host, unless <see cref="AllowInsecureHttp"/>.
    /// </summary>
    public Uri? JwksUri { get; set; }

    /// <summary>
    /// The pool's JWKS document itself (JSON with a <c>keys</c> array): keys come from here and no network is used.
    /// Default <see langword="null"/>. For functions without egress; refresh by redeploying.
    /// </summary>
    public string? Jwks { get; set; }

    /// <summary>
    /// A file holding the pool's JWKS document, read once at start-up: keys come from it and no network is used.
    /// Default <see langword="null"/>. Cannot be combined with <see cref="Jwks"/>.
    /// </summary>
    public string? JwksFile { get; set; }

    /// <summary>
    /// Accepts plain <c>http</c> in <see cref="Issuer"/> and <see cref="JwksUri"/> for hosts other than loopback.
    /// Default <see langword="false"/>. Security: keys fetched over http can be replaced by anyone on the path, who can
    /// then sign tokens you accept.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

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
