namespace Exanubes.Cognito;

/// <summary>
/// A sign-in step Cognito requires before it issues tokens: the challenge, the session to answer it with and the
/// parameters Cognito sent. Answer it with <see cref="ICognitoAuthService.RespondToChallengeAsync"/>.
/// </summary>
/// <remarks>
/// The session is a short-lived credential (three minutes by default): keep it server-side. See
/// <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html"/>.
/// </remarks>
public sealed class CognitoChallenge
{
    /// <summary>Creates a challenge.</summary>
    /// <param name="name">Cognito's challenge name, for example <c>NEW_PASSWORD_REQUIRED</c>.</param>
    /// <param name="session">The session to send back.</param>
    /// <param name="username">The user name to answer with (Cognito's <c>USER_ID_FOR_SRP</c> or <c>USERNAME</c> parameter when sent).</param>
    /// <param name="parameters">The challenge parameters.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="username"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public CognitoChallenge(string name, string? session, string username, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(parameters);
        Name = name;
        ChallengeName = CognitoChallengeNames.Parse(name);
        Session = session;
        Username = username;
        Parameters = parameters;
    }

    /// <summary>The typed challenge.</summary>
    public CognitoChallengeName ChallengeName { get; }

    /// <summary>Cognito's challenge name as sent, for example <c>SOFTWARE_TOKEN_MFA</c>.</summary>
    public string Name { get; }

    /// <summary>The session to send back with the answer.</summary>
    public string? Session { get; }

    /// <summary>The user name the answer is made for.</summary>
    public string Username { get; }

    /// <summary>
    /// The challenge parameters Cognito sent, for example <c>CODE_DELIVERY_DESTINATION</c>, <c>MFAS_CAN_CHOOSE</c>
    /// or <c>requiredAttributes</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }
}
