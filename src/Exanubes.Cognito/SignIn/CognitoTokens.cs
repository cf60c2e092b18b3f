namespace Exanubes.Cognito;

/// <summary>
/// The tokens Cognito issues on a completed sign-in or refresh (the <c>AuthenticationResult</c>).
/// </summary>
/// <remarks>
/// Tokens are credentials: this type deliberately has no <see cref="object.ToString"/> that prints them, and this
/// library never logs them. See
/// <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthenticationResultType.html"/>.
/// </remarks>
public sealed class CognitoTokens
{
    /// <summary>Creates a token set.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="idToken">The id token, when Cognito returned one.</param>
    /// <param name="refreshToken">The refresh token, when Cognito returned one (not on a REFRESH_TOKEN_AUTH refresh without rotation).</param>
    /// <param name="tokenType">The token type, normally <c>Bearer</c>.</param>
    /// <param name="expiresIn">The access and id token lifetime.</param>
    /// <param name="username">The user's internal user name from the access token's <c>username</c> claim, when known.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is null or empty.</exception>
    public CognitoTokens(string accessToken, string? idToken, string? refreshToken, string tokenType, TimeSpan expiresIn, string? username)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        AccessToken = accessToken;
        IdToken = idToken;
        RefreshToken = refreshToken;
        TokenType = string.IsNullOrEmpty(tokenType) ? "Bearer" : tokenType;
        ExpiresIn = expiresIn;
        Username = username;
    }

    /// <summary>The access token (a JWT) for calls such as <see cref="ICognitoAuthService.GetUserAsync"/>.</summary>
    public string AccessToken { get; }

    /// <summary>The id token (a JWT with the user's attributes); <see langword="null"/> when not issued.</summary>
    public string? IdToken { get; }

    /// <summary>
    /// The refresh token; <see langword="null"/> when Cognito did not issue a new one (a REFRESH_TOKEN_AUTH refresh
    /// keeps the old refresh token valid).
    /// </summary>
    public string? RefreshToken { get; }

    /// <summary>The token type, <c>Bearer</c>.</summary>
    public string TokenType { get; }

    /// <summary>How long the access and id tokens are valid from issue.</summary>
    public TimeSpan ExpiresIn { get; }

    /// <summary>
    /// The user's internal user name (the access token's <c>username</c> claim, a UUID when the pool signs in by email
    /// or phone alias). Pass it to <see cref="ICognitoAuthService.RefreshAsync"/> when the app client has a secret:
    /// Cognito computes SECRET_HASH for refresh from this name, not from the alias typed at sign-in.
    /// </summary>
    public string? Username { get; }

    /// <summary>
    /// The device key and group key Cognito issued because the user signed in from a device it does not know
    /// (<c>NewDeviceMetadata</c>, on pools that track devices); <see langword="null"/> otherwise. Pass the tokens to
    /// <see cref="Devices.ICognitoDevices.RememberDeviceAsync"/> to remember it.
    /// </summary>
    public Devices.CognitoNewDevice? NewDevice { get; init; }
}
