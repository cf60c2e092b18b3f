namespace Exanubes.Cognito;

/// <summary>What starts a choice-based sign-in (<c>InitiateAuth</c> with <c>USER_AUTH</c>).</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html"/>.</remarks>
public sealed class CognitoUserAuthRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="username">The user name or alias (sent as <c>USERNAME</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="username"/> is null or empty.</exception>
    public CognitoUserAuthRequest(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Username = username;
    }

    /// <summary>The user name or alias.</summary>
    public string Username { get; }

    /// <summary>
    /// The first factor to try (<c>PREFERRED_CHALLENGE</c>). Default: <see langword="null"/>: Cognito answers with
    /// <c>SELECT_CHALLENGE</c> and the <see cref="CognitoChallenge.AvailableChallenges"/> to choose from.
    /// </summary>
    public CognitoFirstFactor? PreferredFirstFactor { get; init; }

    /// <summary>
    /// The password, when <see cref="PreferredFirstFactor"/> is <see cref="CognitoFirstFactor.Password"/> (sent as
    /// <c>PASSWORD</c>) or <see cref="CognitoFirstFactor.PasswordSrp"/> (proven with SRP, never sent). Default:
    /// <see langword="null"/>. Never logged.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>
    /// Key-value pairs for the pool's Lambda triggers (<c>ClientMetadata</c>), for example the custom email sender that
    /// delivers the sign-in code. Default: none. Untrusted input to every trigger.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CognitoUserAuthRequest {{ PreferredFirstFactor = {PreferredFirstFactor} }}";
}
