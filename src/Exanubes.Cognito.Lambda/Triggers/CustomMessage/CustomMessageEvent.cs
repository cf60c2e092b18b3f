using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html">custom message</see>
/// trigger event: sources <c>CustomMessage_SignUp</c>, <c>_AdminCreateUser</c>, <c>_ResendCode</c>, <c>_ForgotPassword</c>,
/// <c>_UpdateUserAttribute</c>, <c>_VerifyUserAttribute</c>, <c>_Authentication</c>.
/// </summary>
/// <remarks>
/// Cognito replaces the literal <see cref="CustomMessageRequest.CodeParameter"/> (and, for AdminCreateUser,
/// <see cref="CustomMessageRequest.UsernameParameter"/>) in the returned message with the real values after the function
/// returns. Never URL-escape or HTML-encode them: <c>%7B%23%23%23%23%7D</c> is not replaced and breaks every link.
/// </remarks>
public sealed class CustomMessageEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } =
    [
        "CustomMessage_SignUp", "CustomMessage_AdminCreateUser", "CustomMessage_ResendCode", "CustomMessage_ForgotPassword",
        "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute", "CustomMessage_Authentication",
    ];

    /// <summary>The message request: placeholders, attributes, client metadata.</summary>
    [JsonPropertyName("request")]
    public CustomMessageRequest Request { get; set; } = null!;

    /// <summary>The message Cognito sends instead of its own; a <see langword="null"/> member keeps Cognito's.</summary>
    [JsonPropertyName("response")]
    public CustomMessageResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (string.IsNullOrEmpty(Request.CodeParameter))
        {
            throw new CognitoTriggerEventException("request.codeParameter", "is missing; Cognito always sends the code placeholder (normally {####}).");
        }

        Response ??= new();
    }
}
