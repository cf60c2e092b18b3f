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

    /// <summary>
    /// The first factors the user may choose from on <c>SELECT_CHALLENGE</c> (Cognito's <c>AvailableChallenges</c>),
    /// for example <c>EMAIL_OTP</c>, <c>WEB_AUTHN</c>, <c>PASSWORD_SRP</c>; empty for other challenges. Answer with
    /// <see cref="CognitoChallengeResponse.SelectChallenge"/>, <see cref="CognitoChallengeResponse.Password"/> or
    /// <see cref="CognitoChallengeResponse.PasswordSrp"/>.
    /// </summary>
    public IReadOnlyList<string> AvailableChallenges { get; init; } = [];

    /// <summary>
    /// Where Cognito sent the code of an <c>EMAIL_OTP</c>, <c>SMS_OTP</c> or <c>SMS_MFA</c> step
    /// (parameters <c>CODE_DELIVERY_DELIVERY_MEDIUM</c> and <c>CODE_DELIVERY_DESTINATION</c>, masked); otherwise
    /// <see langword="null"/>.
    /// </summary>
    public CognitoCodeDelivery? CodeDelivery
        => Parameters.TryGetValue("CODE_DELIVERY_DESTINATION", out var destination) | Parameters.TryGetValue("CODE_DELIVERY_DELIVERY_MEDIUM", out var medium)
            ? new CognitoCodeDelivery(destination, medium, null)
            : null;

    /// <summary>
    /// For <c>WEB_AUTHN</c>: the credential request options (<c>CREDENTIAL_REQUEST_OPTIONS</c>), the
    /// <c>PublicKeyCredentialRequestOptionsJSON</c> to pass to <c>PublicKeyCredential.parseRequestOptionsFromJSON</c>
    /// and <c>navigator.credentials.get</c>; otherwise <see langword="null"/>. Answer with
    /// <see cref="CognitoChallengeResponse.WebAuthn"/> and the credential's <c>toJSON()</c>.
    /// </summary>
    public string? CredentialRequestOptionsJson => Parameters.TryGetValue("CREDENTIAL_REQUEST_OPTIONS", out var options) ? options : null;

    /// <summary>The client metadata of the sign-in that led here, sent again with the answer (a code sent on SELECT_CHALLENGE reaches the triggers with it).</summary>
    internal IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
