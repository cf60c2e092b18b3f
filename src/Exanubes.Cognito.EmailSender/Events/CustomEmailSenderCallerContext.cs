using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>The <c>callerContext</c> of a Custom Email Sender event: who made the request that caused the email.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html"/>.</remarks>
public sealed class CustomEmailSenderCallerContext
{
    /// <summary>The AWS SDK version of the caller (<c>awsSdkVersion</c>); informational.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; init; }

    /// <summary>The app client id (<c>clientId</c>); <see langword="null"/> for admin actions without a client.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; init; }
}
