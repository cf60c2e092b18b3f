using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html">post confirmation</see>
/// trigger event: sources <c>PostConfirmation_ConfirmSignUp</c>, <c>PostConfirmation_ConfirmForgotPassword</c>. Cognito
/// expects no response values.
/// </summary>
public sealed class PostConfirmationEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["PostConfirmation_ConfirmSignUp", "PostConfirmation_ConfirmForgotPassword"];

    /// <summary>The confirmed user's attributes and the request's client metadata.</summary>
    [JsonPropertyName("request")]
    public UserAttributesRequest Request { get; set; } = null!;

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
