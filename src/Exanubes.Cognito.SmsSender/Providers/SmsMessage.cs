namespace Exanubes.Cognito.SmsSender;

/// <summary>A rendered SMS, ready for a provider.</summary>
public sealed class SmsMessage
{
    /// <summary>The recipient in E.164 form (<c>+15555550100</c>), from the user's <c>phone_number</c> attribute.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>The text. It holds the decrypted code: never log it.</summary>
    public required string Body { get; init; }

    /// <summary>The trigger source it answers, for example <c>CustomSMSSender_SignUp</c>.</summary>
    public required string TriggerSource { get; init; }

    /// <summary>How many SMS parts the text takes and in which encoding.</summary>
    public SmsSegments Segments => SmsSegments.Count(Body);
}
