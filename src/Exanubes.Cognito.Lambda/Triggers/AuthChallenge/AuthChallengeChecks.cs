namespace Exanubes.Cognito.Lambda;

internal static class AuthChallengeChecks
{
    public static void Session(IList<AuthChallengeRound>? session)
    {
        if (session is null)
        {
            throw new CognitoTriggerEventException("request.session", "is missing; Cognito sends an empty list on the first round.");
        }

        for (var i = 0; i < session.Count; i++)
        {
            if (session[i] is null || string.IsNullOrEmpty(session[i].ChallengeName))
            {
                throw new CognitoTriggerEventException($"request.session[{i}].challengeName", "is missing.");
            }
        }
    }
}
