namespace Exanubes.Cognito;

/// <summary>
/// Settings for one Amazon Cognito user pool app client, bound from configuration (for example the <c>Cognito</c>
/// section) by <c>AddCognitoAuth</c> and validated at start-up.
/// </summary>
/// <remarks>
/// The client secret is a secret: it is never logged and never appears in exception messages.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html"/>.
/// </remarks>
public sealed class CognitoAuthOptions
{
    /// <summary>The configuration section name conventionally used for these options: <c>Cognito</c>.</summary>
    public const string SectionName = "Cognito";

    /// <summary>
    /// The user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (for example <c>eu-west-1_AbCdEf123</c>; cognito-local:
    /// <c>local_&lt;id&gt;</c>). Required. The region, the AWS partition and every address (endpoint, issuer, JWKS) are
    /// derived from it; an id that is not one fails at start-up.
    /// </summary>
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>The app client id. Required.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>
    /// The app client secret, when the app client has one; <see langword="null"/> by default. When set, SECRET_HASH is
    /// computed for every call that needs it.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// An explicit Cognito Identity Provider endpoint, for local stacks such as cognito-local
    /// (<c>http://127.0.0.1:9229/</c>); required for a cognito-local pool id. Default <see langword="null"/>: the
    /// regional endpoint of the pool's partition, <c>https://cognito-idp.{region}.{dns-suffix}/</c> (for example
    /// <c>amazonaws.com</c>, <c>amazonaws.com.cn</c>). Plain <c>http</c> only for a loopback host unless
    /// <see cref="AllowInsecureHttp"/>. The token issuer follows it only for loopback hosts and cognito-local pools, so a
    /// FIPS, VPC or proxy endpoint keeps the pool's real issuers.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// Accepts a plain <c>http</c> <see cref="ServiceUrl"/> (and the issuer derived from it) on a host other than
    /// loopback. Default <see langword="false"/>: <c>http</c> only for loopback emulators. Security: passwords, codes
    /// and tokens then cross the network unencrypted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Sends calls to the FIPS endpoint of the pool's region, <c>https://cognito-idp-fips.{region}.{dns-suffix}/</c>.
    /// Default <see langword="false"/>. Cannot be combined with <see cref="ServiceUrl"/>.
    /// </summary>
    public bool UseFipsEndpoint { get; set; }

    /// <summary>
    /// Sends calls to the dual-stack (IPv4 and IPv6) endpoint of the pool's region (in the <c>aws</c> partition the
    /// regular endpoint already is dual-stack). Default <see langword="false"/>. Cannot be combined with
    /// <see cref="ServiceUrl"/>.
    /// </summary>
    public bool UseDualStackEndpoint { get; set; }

    /// <summary>
    /// The token issuer to expect, for local stacks whose issuer differs from Cognito's. Default <see langword="null"/>:
    /// <c>https://cognito-idp.{region}.{dns-suffix}/{UserPoolId}</c>, or <c>{ServiceUrl}/{UserPoolId}</c> when
    /// <see cref="ServiceUrl"/> is set.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Whether <c>RefreshAsync</c> calls <c>GetTokensFromRefreshToken</c> (needed when the app client rotates refresh
    /// tokens; each refresh then returns a new refresh token and invalidates the old one) instead of
    /// <c>InitiateAuth</c> with <c>REFRESH_TOKEN_AUTH</c>. Default <see langword="false"/>.
    /// </summary>
    public bool UseGetTokensFromRefreshToken { get; set; }

    /// <summary>
    /// The parsed <see cref="UserPoolId"/>, or <see langword="null"/> when it is not one; set in post-configure. A field,
    /// not a property, so configuration binding leaves it alone.
    /// </summary>
    internal UserPools.CognitoUserPoolId? UserPool;

    /// <summary>
    /// The named <see cref="HttpClient"/> of this pool (its retry handler reads these options); set in post-configure:
    /// <c>Exanubes.Cognito.IdentityProvider</c>, with <c>:{key}</c> appended for a keyed pool. A field, so binding skips it.
    /// </summary>
    internal string HttpClientName = IdentityProvider.CognitoIdentityProviderClient.HttpClientName;

    /// <summary>The endpoint in effect: <see cref="ServiceUrl"/> or the pool's regional Cognito endpoint; set in post-configure.</summary>
    internal Uri? ResolvedServiceUrl { get; set; }

    /// <summary>The first retry delay for retryable actions (exponential with jitter after it). Internal: tests shorten it.</summary>
    internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times a retryable action is retried on throttling or 5xx.</summary>
    internal int MaxRetryAttempts { get; set; } = 3;
}
