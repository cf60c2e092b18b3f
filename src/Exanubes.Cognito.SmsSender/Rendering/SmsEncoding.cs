namespace Exanubes.Cognito.SmsSender;

/// <summary>How carriers encode an SMS text: GSM 03.38 7-bit when every character is in its tables, else UCS-2.</summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38 7-bit default alphabet (with the extension table): 160 septets in one SMS, 153 per part.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units): 70 in one SMS, 67 per part.</summary>
    Ucs2,
}
