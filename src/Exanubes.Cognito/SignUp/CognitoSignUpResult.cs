namespace Exanubes.Cognito;

/// <summary>The outcome of a successful sign-up.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html#API_SignUp_ResponseSyntax"/>.</remarks>
public sealed class CognitoSignUpResult
{
    /// <summary>Creates a sign-up result.</summary>
    /// <param name="userConfirmed">Whether the user is already confirmed.</param>
    /// <param name="userSub">The user's <c>sub</c>.</param>
    /// <param name="codeDelivery">Where the confirmation code went, if one was sent.</param>
    public CognitoSignUpResult(bool userConfirmed, string userSub, CognitoCodeDelivery? codeDelivery)
    {
        UserConfirmed = userConfirmed;
        UserSub = userSub ?? string.Empty;
        CodeDelivery = codeDelivery;
    }

    /// <summary>Whether the user is already confirmed (for example by a pre sign-up trigger).</summary>
    public bool UserConfirmed { get; }

    /// <summary>The user's <c>sub</c>, its stable unique id.</summary>
    public string UserSub { get; }

    /// <summary>Where the confirmation code went; <see langword="null"/> when none was sent.</summary>
    public CognitoCodeDelivery? CodeDelivery { get; }

    /// <summary>
    /// The session Cognito returns when the app client allows <c>ALLOW_USER_AUTH</c>: pass it to
    /// <see cref="ICognitoPasswordless.ConfirmSignUpAndSignInAsync"/> to sign the user in with the confirmation code.
    /// <see langword="null"/> otherwise. A short-lived credential: keep it server-side, never log it.
    /// </summary>
    public string? Session { get; init; }
}
