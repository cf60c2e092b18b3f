namespace Exanubes.Cognito.SignIn;

/// <summary>Turns a public <see cref="CognitoChallengeResponse"/> into Cognito's <c>ChallengeResponses</c> for the challenge it answers.</summary>
internal static class ChallengeAnswers
{
    /// <param name="challenge">The challenge answered.</param>
    /// <param name="response">The answer.</param>
    /// <param name="srpA">For a <see cref="CognitoChallengeResponse.PasswordSrp"/> answer: the SRP client's <c>SRP_A</c>.</param>
    public static Dictionary<string, string> Build(CognitoChallenge challenge, CognitoChallengeResponse response, string? srpA = null)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (response.ResponseKind)
        {
            case CognitoChallengeResponse.Kind.NewPassword:
                answers["NEW_PASSWORD"] = response.Value!;
                foreach (var (name, value) in response.Values)
                {
                    answers[name.StartsWith("userAttributes.", StringComparison.Ordinal) ? name : "userAttributes." + name] = value;
                }

                break;
            case CognitoChallengeResponse.Kind.Code:
                var key = challenge.ChallengeName switch
                {
                    CognitoChallengeName.SmsMfa => "SMS_MFA_CODE",
                    CognitoChallengeName.SoftwareTokenMfa => "SOFTWARE_TOKEN_MFA_CODE",
                    CognitoChallengeName.EmailOtp => "EMAIL_OTP_CODE",
                    CognitoChallengeName.SmsOtp => "SMS_OTP_CODE",
                    _ => throw new ArgumentException($"A code does not answer the challenge {challenge.Name}.", nameof(response)),
                };
                answers[key] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.SelectMfaType:
                answers["ANSWER"] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.MfaSetup:
                if (challenge.ChallengeName != CognitoChallengeName.MfaSetup)
                {
                    throw new ArgumentException($"MfaSetup() answers MFA_SETUP, not {challenge.Name}.", nameof(response));
                }

                // Cognito takes only USERNAME (added by the caller): the session from VerifySoftwareToken proves the setup.
                break;
            case CognitoChallengeResponse.Kind.SelectFirstFactor:
                RequireChallenge(challenge, response, CognitoChallengeName.SelectChallenge);
                answers["ANSWER"] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.Password:
                // API reference, ChallengeResponses: SELECT_CHALLENGE selects and answers PASSWORD at once.
                SelectOrAnswer(challenge, response, answers, CognitoChallengeName.Password, CognitoChallengeNames.Password);
                answers["PASSWORD"] = response.Value!;
                break;
            case CognitoChallengeResponse.Kind.PasswordSrp:
                SelectOrAnswer(challenge, response, answers, CognitoChallengeName.PasswordSrp, CognitoChallengeNames.PasswordSrp);
                answers["SRP_A"] = srpA ?? throw new InvalidOperationException("A PASSWORD_SRP answer needs SRP_A.");
                break;
            case CognitoChallengeResponse.Kind.WebAuthn:
                SelectOrAnswer(challenge, response, answers, CognitoChallengeName.WebAuthn, CognitoChallengeNames.WebAuthn);
                answers["CREDENTIAL"] = response.Value!;
                break;
            default:
                foreach (var (name, value) in response.Values)
                {
                    answers[name] = value;
                }

                break;
        }

        return answers;
    }

    private static void RequireChallenge(CognitoChallenge challenge, CognitoChallengeResponse response, CognitoChallengeName expected)
    {
        if (challenge.ChallengeName != expected)
        {
            throw new ArgumentException($"This answer does not fit the challenge {challenge.Name}.", nameof(response));
        }
    }

    private static void SelectOrAnswer(CognitoChallenge challenge, CognitoChallengeResponse response, Dictionary<string, string> answers, CognitoChallengeName own, string ownWireName)
    {
        if (challenge.ChallengeName == CognitoChallengeName.SelectChallenge)
        {
            answers["ANSWER"] = ownWireName;
            return;
        }

        RequireChallenge(challenge, response, own);
    }
}
