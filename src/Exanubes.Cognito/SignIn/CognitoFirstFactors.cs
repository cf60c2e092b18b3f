namespace Exanubes.Cognito;

/// <summary>Maps <see cref="CognitoFirstFactor"/> to and from Cognito's wire names (<c>ChallengeNameType</c>, <c>AuthFactorType</c>).</summary>
public static class CognitoFirstFactors
{
    /// <summary>The wire name, for example <c>EMAIL_OTP</c>.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not a defined value.</exception>
    public static string ToWireName(CognitoFirstFactor factor) => factor switch
    {
        CognitoFirstFactor.Password => CognitoChallengeNames.Password,
        CognitoFirstFactor.PasswordSrp => CognitoChallengeNames.PasswordSrp,
        CognitoFirstFactor.EmailOtp => CognitoChallengeNames.EmailOtp,
        CognitoFirstFactor.SmsOtp => CognitoChallengeNames.SmsOtp,
        CognitoFirstFactor.WebAuthn => CognitoChallengeNames.WebAuthn,
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Not a first factor of USER_AUTH."),
    };

    /// <summary>Parses a wire name; <see langword="null"/> for a name that is not a first factor.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>The factor, or <see langword="null"/>.</returns>
    public static CognitoFirstFactor? Parse(string? name) => name switch
    {
        CognitoChallengeNames.Password => CognitoFirstFactor.Password,
        CognitoChallengeNames.PasswordSrp => CognitoFirstFactor.PasswordSrp,
        CognitoChallengeNames.EmailOtp => CognitoFirstFactor.EmailOtp,
        CognitoChallengeNames.SmsOtp => CognitoFirstFactor.SmsOtp,
        CognitoChallengeNames.WebAuthn => CognitoFirstFactor.WebAuthn,
        _ => null,
    };
}
