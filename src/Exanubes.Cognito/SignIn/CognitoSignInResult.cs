using System.Diagnostics.CodeAnalysis;

namespace Exanubes.Cognito;

/// <summary>
/// The outcome of a successful sign-in call: either the <see cref="Tokens"/>, or the <see cref="NextStep"/> Cognito
/// requires first (MFA code, new password, ...).
/// </summary>
public sealed class CognitoSignInResult
{
    private CognitoSignInResult(CognitoTokens? tokens, CognitoChallenge? nextStep)
    {
        Tokens = tokens;
        NextStep = nextStep;
    }

    /// <summary>Whether the user is signed in (tokens issued) rather than asked for a next step.</summary>
    [MemberNotNullWhen(true, nameof(Tokens))]
    [MemberNotNullWhen(false, nameof(NextStep))]
    public bool IsSignedIn => Tokens is not null;

    /// <summary>The tokens when <see cref="IsSignedIn"/>; otherwise <see langword="null"/>.</summary>
    public CognitoTokens? Tokens { get; }

    /// <summary>The challenge to answer when not <see cref="IsSignedIn"/>; otherwise <see langword="null"/>.</summary>
    public CognitoChallenge? NextStep { get; }

    /// <summary>Creates a signed-in result.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is null.</exception>
    public static CognitoSignInResult SignedIn(CognitoTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new CognitoSignInResult(tokens, null);
    }

    /// <summary>Creates a result asking for a next step.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="challenge"/> is null.</exception>
    public static CognitoSignInResult Challenge(CognitoChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new CognitoSignInResult(null, challenge);
    }
}
