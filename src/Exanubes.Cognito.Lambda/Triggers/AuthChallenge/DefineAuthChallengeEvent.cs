using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html">define auth challenge</see>
/// trigger event: source <c>DefineAuthChallenge_Authentication</c>. Decide the next challenge, or issue tokens, or fail.
/// </summary>
public sealed class DefineAuthChallengeEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["DefineAuthChallenge_Authentication"];

    /// <summary>The rounds so far.</summary>
    [JsonPropertyName("request")]
    public DefineAuthChallengeRequest Request { get; set; } = null!;

    /// <summary>The decision.</summary>
    [JsonPropertyName("response")]
    public DefineAuthChallengeResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        AuthChallengeChecks.Session(Request.Session);
        Response ??= new();
    }
}
