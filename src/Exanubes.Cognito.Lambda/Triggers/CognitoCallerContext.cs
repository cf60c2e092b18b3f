using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>callerContext</c> of a user-pool trigger event: who made the request that caused it.</summary>
public sealed class CognitoCallerContext
{
    /// <summary>The AWS SDK version of the caller, as Cognito reports it.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; set; }

    /// <summary>The app client id.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }
}
