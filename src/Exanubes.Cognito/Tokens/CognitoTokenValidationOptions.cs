namespace Exanubes.Cognito.Tokens;

/// <summary>
/// Settings of the Cognito token validator: the accepted user pools and app clients, and the limits shared by all of
/// them. Configured by <c>AddCognitoTokenValidation</c> and validated at start-up.
/// </summary>
/// <remarks>
/// When <see cref="UserPools"/> is left empty, the pool and app client of <see cref="CognitoAuthOptions"/> are
/// accepted (with its <see cref="CognitoAuthOptions.Issuer"/> or <see cref="CognitoAuthOptions.ServiceUrl"/> for local
/// stacks). Add entries to accept several pools or app clients side by side; then only the listed ones are accepted.
/// </remarks>
public sealed class CognitoTokenValidationOptions
{
    /// <summary>
    /// The configuration section conventionally bound to these options: <c>Cognito:TokenValidation</c>
    /// (pass <c>configuration.GetSection(CognitoTokenValidationOptions.SectionName)</c> to <c>AddCognitoTokenValidation</c>).
    /// </summary>
    public const string SectionName = "Cognito:TokenValidation";

    /// <summary>The accepted user pools, each with its app clients and optional checks. Default: empty (use <see cref="CognitoAuthOptions"/>).</summary>
    public IList<CognitoUserPoolTokenOptions> UserPools { get; } = [];

    /// <summary>
    /// Tolerated clock difference for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default: 60 seconds. Larger values
    /// keep expired tokens usable for longer.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest accepted token, in characters. Default: 16,384 (Cognito tokens are 1-4 KB).</summary>
    public int MaxTokenLength { get; set; } = 16 * 1024;

    /// <summary>
    /// The most memory the validated-token cache may keep, in bytes; 0 turns the cache off. Default: 16 MiB (about
    /// 5,000 to 10,000 Cognito tokens). A repeat of a cached token costs a hash of its last characters, a comparison of
    /// the whole token and the checks that can change since it was first seen: <c>exp</c>/<c>nbf</c>,
    /// <c>auth_time</c> against <see cref="CognitoUserPoolTokenOptions.MaxAuthenticationAge"/>, <c>token_use</c>, that
    /// its signing key is still in the JWKS, the additional check and the revocation check. Only tokens that passed
    /// every check are cached. When half the budget is used, the older half is dropped whole.
    /// </summary>
    public long ValidatedTokenCacheBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Tokens longer than this, in characters, are validated in full every time and never cached. Default: 8,192
    /// (Cognito access tokens are about 1 KB, id tokens 1-4 KB).
    /// </summary>
    public int ValidatedTokenCacheMaxTokenLength { get; set; } = 8 * 1024;

    /// <summary>
    /// Shortest time between two JWKS fetches for one pool: a token with an unknown <c>kid</c> triggers a refetch
    /// only when the last fetch is at least this old, and concurrent misses share one fetch. Default: 10 seconds.
    /// </summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the background service refreshes each pool's JWKS after the start-up warm-up. Default: 1 hour.</summary>
    public TimeSpan JwksRefreshPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout of one JWKS fetch. Default: 5 seconds.</summary>
    public TimeSpan JwksTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest accepted JWKS response, in bytes. Default: 65,536 (Cognito's JWKS is about 1 KB).</summary>
    public int JwksMaxResponseBytes { get; set; } = 64 * 1024;
}
