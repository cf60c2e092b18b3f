namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The claim names Cognito puts in user pool tokens. Principals built by this library use exactly these names (no
/// legacy inbound mapping to <c>http://schemas.xmlsoap.org/...</c> URIs).
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html"/>.
/// </summary>
public static class CognitoClaimTypes
{
    /// <summary><c>sub</c>: the user's immutable id in the pool.</summary>
    public const string Subject = "sub";

    /// <summary><c>username</c>: the user name, in access tokens.</summary>
    public const string Username = "username";

    /// <summary><c>cognito:username</c>: the user name, in id tokens.</summary>
    public const string CognitoUsername = "cognito:username";

    /// <summary><c>client_id</c>: the app client the access token was issued to.</summary>
    public const string ClientId = "client_id";

    /// <summary><c>aud</c>: the app client the id token was issued to.</summary>
    public const string Audience = "aud";

    /// <summary><c>cognito:groups</c>: the user's groups; one claim per group, and the role claim type of our principals.</summary>
    public const string Groups = "cognito:groups";

    /// <summary><c>scope</c>: the access token's OAuth scopes; our principals carry one claim per scope.</summary>
    public const string Scope = "scope";

    /// <summary><c>token_use</c>: <c>access</c> or <c>id</c>.</summary>
    public const string TokenUse = "token_use";

    /// <summary><c>auth_time</c>: when the user authenticated (Unix seconds).</summary>
    public const string AuthTime = "auth_time";

    /// <summary><c>iss</c>: the user pool's issuer URL.</summary>
    public const string Issuer = "iss";

    /// <summary><c>exp</c>: expiry (Unix seconds).</summary>
    public const string ExpiresAt = "exp";

    /// <summary><c>iat</c>: issue time (Unix seconds).</summary>
    public const string IssuedAt = "iat";

    /// <summary><c>nbf</c>: not valid before (Unix seconds); Cognito does not set it, but it is honoured when present.</summary>
    public const string NotBefore = "nbf";

    /// <summary><c>jti</c>: the token's unique id.</summary>
    public const string JwtId = "jti";

    /// <summary><c>origin_jti</c>: the id shared by all tokens of one sign-in; revocation lists key on it.</summary>
    public const string OriginJti = "origin_jti";

    /// <summary><c>event_id</c>: the sign-in event.</summary>
    public const string EventId = "event_id";

    /// <summary><c>email</c>: the user's email address (id tokens).</summary>
    public const string Email = "email";

    /// <summary><c>email_verified</c>: whether the email address is verified (id tokens).</summary>
    public const string EmailVerified = "email_verified";

    /// <summary><c>phone_number</c>: the user's phone number (id tokens).</summary>
    public const string PhoneNumber = "phone_number";
}
