using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html">verify auth challenge response</see>
/// trigger event: source <c>VerifyAuthChallengeResponse_Authentication</c>. Compare the answer with the private parameters.
/// </summary>
public sealed class VerifyAuthChallengeResponseEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["VerifyAuthChallengeResponse_Authentication"];

    /// <summary>The answer and the private parameters.</summary>
    [JsonPropertyName("request")]
    public VerifyAuthChallengeResponseRequest Request { get; set; } = null!;

    /// <summary>Whether the answer is correct.</summary>
    [JsonPropertyName("response")]
    public VerifyAuthChallengeResponseResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (Request.ChallengeAnswer is null)
        {
            throw new CognitoTriggerEventException("request.challengeAnswer", "is missing.");
        }

        Response ??= new();
    }
}
