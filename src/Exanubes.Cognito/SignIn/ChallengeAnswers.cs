namespace Exanubes.Cognito.SignIn;

/// <summary>Turns a public <see cref="CognitoChallengeResponse"/> into Cognito's <c>ChallengeResponses</c> for the challenge it answers.</summary>
internal static class ChallengeAnswers
{
    public static Dictionary<string, string> Build(CognitoChallenge challenge, CognitoChallengeResponse response)
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
            default:
                foreach (var (name, value) in response.Values)
                {
                    answers[name] = value;
                }

                break;
        }

        return answers;
    }
}
