using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The fields every user-pool Lambda trigger event carries, with their wire names from the
/// <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html#cognito-user-pools-lambda-trigger-syntax-shared">shared parameters</see>
/// of the Amazon Cognito developer guide.
/// </summary>
/// <remarks>
/// Every value in <c>request</c> that a user can type (attributes, client metadata, validation data, challenge answers)
/// is chosen by whoever calls the Cognito API: treat it as untrusted.
/// </remarks>
public abstract class CognitoTriggerEvent
{
    private protected CognitoTriggerEvent()
    {
    }

    /// <summary>The event version: <c>1</c> for most triggers; <c>1</c>, <c>2</c> or <c>3</c> for pre token generation.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>What caused the invocation, for example <c>PreSignUp_SignUp</c>. Always one of the trigger's documented sources once read.</summary>
    [JsonPropertyName("triggerSource")]
    public string TriggerSource { get; set; } = string.Empty;

    /// <summary>The AWS Region of the user pool, for example <c>eu-west-1</c>.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The user pool id, for example <c>eu-west-1_AbCdEf123</c>.</summary>
    [JsonPropertyName("userPoolId")]
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>The user's username; absent for machine-to-machine (client credentials) events.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>The app client and SDK that made the request.</summary>
    [JsonPropertyName("callerContext")]
    public CognitoCallerContext? CallerContext { get; set; }

    /// <summary>Checks the trigger's own required request fields; throws <see cref="CognitoTriggerEventException"/> naming the field.</summary>
    private protected virtual void ValidateRequest()
    {
    }

    internal void Validate() => ValidateRequest();
}
