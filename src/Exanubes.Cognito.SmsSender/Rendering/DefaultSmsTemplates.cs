namespace Exanubes.Cognito.SmsSender;

/// <summary>The built-in texts, one per trigger source: short GSM-7 English that fits one segment with a six-digit code.</summary>
internal static class DefaultSmsTemplates
{
    private static readonly Dictionary<string, SmsTemplate> Templates = new(StringComparer.Ordinal)
    {
        ["CustomSMSSender_SignUp"] = Create("CustomSMSSender_SignUp", "Your verification code is {{ code }}"),
        ["CustomSMSSender_ResendCode"] = Create("CustomSMSSender_ResendCode", "Your verification code is {{ code }}"),
        ["CustomSMSSender_ForgotPassword"] = Create("CustomSMSSender_ForgotPassword", "Your password reset code is {{ code }}"),
        ["CustomSMSSender_UpdateUserAttribute"] = Create("CustomSMSSender_UpdateUserAttribute", "Your code to confirm your new phone number is {{ code }}"),
        ["CustomSMSSender_VerifyUserAttribute"] = Create("CustomSMSSender_VerifyUserAttribute", "Your code to verify your phone number is {{ code }}"),
        ["CustomSMSSender_AdminCreateUser"] = Create("CustomSMSSender_AdminCreateUser", "Your username is {{ username }} and your temporary password is {{ temporary_password }}"),
        ["CustomSMSSender_Authentication"] = Create("CustomSMSSender_Authentication", "Your sign-in code is {{ code }}"),
    };

    public static SmsTemplate? For(string triggerSource) => Templates.GetValueOrDefault(triggerSource);

    private static SmsTemplate Create(string source, string body) => new() { TriggerSource = source, Body = body };
}
