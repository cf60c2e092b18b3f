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
    /// The user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (for example <c>eu-west-1_AbCdEf123</c>). Required.
    /// The region is taken from it unless <see cref="Region"/> is set.
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
    /// The AWS region of the pool. Default: the part of <see cref="UserPoolId"/> before the underscore.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An explicit Cognito Identity Provider endpoint, for local stacks such as cognito-local
    /// (<c>http://127.0.0.1:9229/</c>). Default <see langword="null"/>: <c>https://cognito-idp.{region}.amazonaws.com/</c>.
    /// Plain <c>http</c> is accepted only here, never derived.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// The token issuer to expect, for local stacks whose issuer differs from Cognito's. Default <see langword="null"/>:
    /// <c>https://cognito-idp.{region}.amazonaws.com/{UserPoolId}</c>.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Whether <c>RefreshAsync</c> calls <c>GetTokensFromRefreshToken</c> (needed when the app client rotates refresh
    /// tokens; each refresh then returns a new refresh token and invalidates the old one) instead of
    /// <c>InitiateAuth</c> with <c>REFRESH_TOKEN_AUTH</c>. Default <see langword="false"/>.
    /// </summary>
    public bool UseGetTokensFromRefreshToken { get; set; }

    /// <summary>The region in effect: <see cref="Region"/> or the one in <see cref="UserPoolId"/>; set in post-configure.</summary>
    internal string ResolvedRegion { get; set; } = string.Empty;

    /// <summary>The endpoint in effect: <see cref="ServiceUrl"/> or the regional Cognito endpoint; set in post-configure.</summary>
    internal Uri? ResolvedServiceUrl { get; set; }

    /// <summary>The first retry delay for retryable actions (exponential with jitter after it). Internal: tests shorten it.</summary>
    internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times a retryable action is retried on throttling or 5xx.</summary>
    internal int MaxRetryAttempts { get; set; } = 3;
}
