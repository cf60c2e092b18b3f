using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html">pre authentication</see>
/// trigger event: source <c>PreAuthentication_Authentication</c>. Throw from the handler to deny the sign-in.
/// </summary>
public sealed class PreAuthenticationEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["PreAuthentication_Authentication"];

    /// <summary>The sign-in request.</summary>
    [JsonPropertyName("request")]
    public PreAuthenticationRequest Request { get; set; } = null!;

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
