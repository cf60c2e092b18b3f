using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html">post authentication</see>
/// trigger event: source <c>PostAuthentication_Authentication</c>.
/// </summary>
public sealed class PostAuthenticationEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["PostAuthentication_Authentication"];

    /// <summary>The completed sign-in.</summary>
    [JsonPropertyName("request")]
    public PostAuthenticationRequest Request { get; set; } = null!;

    /// <summary>Empty: Cognito reads nothing from it.</summary>
    [JsonPropertyName("response")]
    public EmptyTriggerResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        Response ??= new();
    }
}
