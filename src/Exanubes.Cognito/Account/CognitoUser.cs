namespace Exanubes.Cognito;

/// <summary>A user as Cognito returns it from GetUser or AdminGetUser.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html"/>.</remarks>
public sealed class CognitoUser
{
    /// <summary>Creates a user.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="attributes">The attributes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="username"/> or <paramref name="attributes"/> is null.</exception>
    public CognitoUser(string username, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(attributes);
        Username = username;
        Attributes = attributes;
    }

    /// <summary>The user name (the internal one, a UUID when the pool signs in by alias).</summary>
    public string Username { get; }

    /// <summary>The attributes, for example <c>sub</c>, <c>email</c>, <c>email_verified</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The preferred MFA method, for example <c>SOFTWARE_TOKEN_MFA</c>; <see langword="null"/> when none.</summary>
    public string? PreferredMfaSetting { get; init; }

    /// <summary>The MFA methods enabled for the user.</summary>
    public IReadOnlyList<string> MfaSettings { get; init; } = [];

    /// <summary>The account status (AdminGetUser only), for example <c>CONFIRMED</c> or <c>FORCE_CHANGE_PASSWORD</c>.</summary>
    public string? UserStatus { get; init; }

    /// <summary>Whether the user is enabled (AdminGetUser only); <see langword="null"/> when not reported.</summary>
    public bool? Enabled { get; init; }

    /// <summary>When the user was created (AdminGetUser only).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the user was last modified (AdminGetUser only).</summary>
    public DateTimeOffset? LastModifiedAt { get; init; }
}
