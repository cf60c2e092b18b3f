using System.Text.Json.Serialization;
using Exanubes.Cognito.UserPools;
using Exanubes.EncryptionSdk;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sms-sender.html">custom SMS sender</see>
/// trigger event: Cognito hands the function every SMS it would send, with the code encrypted under the pool's KMS key.
/// Sources: the seven <c>CustomSMSSender_*</c> values in <see cref="TriggerSources"/>; <c>request.type</c> is
/// <c>customSMSSenderRequestV1</c>.
/// </summary>
/// <remarks>Cognito ignores the response. <see cref="CustomSenderRequest.Code"/> decrypts to a secret: never log the event.</remarks>
public sealed class CustomSmsSenderEvent : CognitoTriggerEvent
{
    /// <summary>The request type Cognito sends: <c>customSMSSenderRequestV1</c>.</summary>
    public const string RequestTypeV1 = "customSMSSenderRequestV1";

    /// <summary>A user signed up: the code confirms the account.</summary>
    public const string SignUp = "CustomSMSSender_SignUp";

    /// <summary>A user asked for a new confirmation code.</summary>
    public const string ResendCode = "CustomSMSSender_ResendCode";

    /// <summary>A user asked to reset a forgotten password.</summary>
    public const string ForgotPassword = "CustomSMSSender_ForgotPassword";

    /// <summary>A user changed the phone number: the code verifies the new number.</summary>
    public const string UpdateUserAttribute = "CustomSMSSender_UpdateUserAttribute";

    /// <summary>A user asked to verify the phone number.</summary>
    public const string VerifyUserAttribute = "CustomSMSSender_VerifyUserAttribute";

    /// <summary>An administrator created the user: the code is a temporary password.</summary>
    public const string AdminCreateUser = "CustomSMSSender_AdminCreateUser";

    /// <summary>SMS MFA or SMS sign-in: the code is a one-time sign-in code.</summary>
    public const string Authentication = "CustomSMSSender_Authentication";

    /// <summary>The seven documented trigger sources.</summary>
    public static IReadOnlyCollection<string> TriggerSources { get; } =
        [SignUp, ResendCode, ForgotPassword, UpdateUserAttribute, VerifyUserAttribute, AdminCreateUser, Authentication];

    /// <summary>The encrypted code, the user's attributes and the client metadata.</summary>
    [JsonPropertyName("request")]
    public CustomSenderRequest Request { get; set; } = null!;

    /// <summary>Reads and checks an event from its UTF-8 JSON.</summary>
    /// <param name="utf8Json">The event as Lambda delivers it.</param>
    /// <returns>The event; its trigger source is one of <see cref="TriggerSources"/> and its required fields are present.</returns>
    /// <exception cref="CognitoTriggerEventException">The JSON is malformed, a field is missing or mistyped, the trigger source is unknown, or <c>request.type</c> is not <see cref="RequestTypeV1"/>; <see cref="CognitoTriggerEventException.Field"/> names the field.</exception>
    public static CustomSmsSenderEvent Parse(ReadOnlySpan<byte> utf8Json)
        => CognitoTriggerReader.Read(utf8Json, CustomSenderJsonContext.Default.CustomSmsSenderEvent, TriggerSources);

    private protected override void ValidateRequest()
    {
        if (!CognitoUserPoolId.TryParse(UserPoolId, out _))
        {
            throw new CognitoTriggerEventException("userPoolId", $"'{UntrustedText.Safe(UserPoolId)}' is not a user pool id; expected {CognitoUserPoolId.ExpectedFormat}.");
        }

        if (Request is null)
        {
            throw new CognitoTriggerEventException("request", "is missing.");
        }

        if (!string.Equals(Request.Type, RequestTypeV1, StringComparison.Ordinal))
        {
            throw new CognitoTriggerEventException(
                "request.type",
                Request.Type is null
                    ? $"is missing; expected '{RequestTypeV1}'."
                    : $"'{UntrustedText.Safe(Request.Type)}' is not supported; expected '{RequestTypeV1}' (is the trigger configured with LambdaVersion V1_0?).");
        }

        if (Request.UserAttributes is null)
        {
            throw new CognitoTriggerEventException("request.userAttributes", "is missing; Cognito always sends it.");
        }

        if (string.IsNullOrEmpty(Request.Code))
        {
            throw new CognitoTriggerEventException("request.code", $"is missing; Cognito sends an encrypted code with every {TriggerSource} SMS.");
        }
    }
}
