using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html">create auth challenge</see>
/// trigger event: source <c>CreateAuthChallenge_Authentication</c>. Build the challenge the define trigger chose.
/// </summary>
public sealed class CreateAuthChallengeEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["CreateAuthChallenge_Authentication"];

    /// <summary>The challenge to build and the rounds so far.</summary>
    [JsonPropertyName("request")]
    public CreateAuthChallengeRequest Request { get; set; } = null!;

    /// <summary>The challenge parameters.</summary>
    [JsonPropertyName("response")]
    public CreateAuthChallengeResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (string.IsNullOrEmpty(Request.ChallengeName))
        {
            throw new CognitoTriggerEventException("request.challengeName", "is missing.");
        }

        AuthChallengeChecks.Session(Request.Session);
        Response ??= new();
    }
}
