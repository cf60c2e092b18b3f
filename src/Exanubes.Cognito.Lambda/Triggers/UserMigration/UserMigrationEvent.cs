using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html">migrate user</see>
/// trigger event: sources <c>UserMigration_Authentication</c> (sign-in with a password) and <c>UserMigration_ForgotPassword</c>.
/// </summary>
/// <remarks><see cref="UserMigrationRequest.Password"/> is the user's password: never log the event.</remarks>
public sealed class UserMigrationEvent : CognitoTriggerEvent
{
    /// <summary>The documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } = ["UserMigration_Authentication", "UserMigration_ForgotPassword"];

    /// <summary>The credentials to check against the old user store.</summary>
    [JsonPropertyName("request")]
    public UserMigrationRequest Request { get; set; } = null!;

    /// <summary>The migrated user, or nothing (throw) when the old store does not know them.</summary>
    [JsonPropertyName("response")]
    public UserMigrationResponse Response { get; set; } = new();

    private protected override void ValidateRequest()
    {
        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (string.IsNullOrEmpty(UserName))
        {
            throw new CognitoTriggerEventException("userName", "is missing; Cognito sends the username the user typed.");
        }

        if (TriggerSource == "UserMigration_Authentication" && Request.Password is null)
        {
            throw new CognitoTriggerEventException("request.password", "is missing for UserMigration_Authentication.");
        }

        Response ??= new();
    }
}
