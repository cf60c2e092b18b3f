using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html">pre sign-up</see>
/// trigger event: sources <c>PreSignUp_SignUp</c>, <c>PreSignUp_AdminCreateUser</c>, <c>PreSignUp_ExternalProvider</c>.
/// </summary>
public sealed class PreSignUpEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "PreSignUp_ExternalProvider"];

    /// <summary>The sign-up request.</summary>
    [JsonPropertyName("request")]
    public PreSignUpRequest Request { get; set; } = null!;

    /// <summary>What Cognito should do: auto-confirm the user, auto-verify the email or phone.</summary>
    [JsonPropertyName("response")]
    public PreSignUpResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        Response ??= new();
    }
}
