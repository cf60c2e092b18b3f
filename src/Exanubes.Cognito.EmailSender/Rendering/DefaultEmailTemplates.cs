namespace Exanubes.Cognito.EmailSender;

/// <summary>The built-in emails, one per documented trigger source, in plain English HTML and text.</summary>
internal static class DefaultEmailTemplates
{
    private const string HtmlStart = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ subject }}</title></head>
        <body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
        <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;padding:32px">
        <tr><td>
        """;

    private const string HtmlEnd = """
        <p style="margin-top:32px;font-size:12px;color:#656d76">If you did not request this email, you can ignore it.</p>
        </td></tr></table></td></tr></table></body></html>
        """;

    private const string CodeBlock = """<p style="font-size:28px;font-weight:600;letter-spacing:4px;margin:24px 0;font-family:Menlo,Consolas,monospace">{{ code }}</p>""";

    private const string ButtonBlock = """{% if link %}<p style="margin:24px 0"><a href="{{ link | safe_url }}" style="background:#0969da;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">{{ button }}</a></p>{% endif %}""";

    public static EmailTemplate? For(CustomEmailSenderTriggerSource source)
    {
        if (source == CustomEmailSenderTriggerSource.SignUp || source == CustomEmailSenderTriggerSource.ResendCode)
        {
            return Code(source, "Verify your email address", "Confirm your account", "Use this code to confirm your account:", "Verify email address",
                "Or open this link to confirm it:");
        }

        if (source == CustomEmailSenderTriggerSource.ForgotPassword)
        {
            return Code(source, "Reset your password", "Reset your password", "Use this code to choose a new password:", "Reset password",
                "Or open this link to choose a new password:");
        }

        if (source == CustomEmailSenderTriggerSource.UpdateUserAttribute)
        {
            return Code(source, "Confirm your new email address", "Confirm your new email address", "Use this code to confirm {{ email }} as your email address:", "Open the app", "Enter it in the app:");
        }

        if (source == CustomEmailSenderTriggerSource.VerifyUserAttribute)
        {
            return Code(source, "Verify your email address", "Verify your email address", "Use this code to verify {{ email }}:", "Open the app", "Enter it in the app:");
        }

        if (source == CustomEmailSenderTriggerSource.Authentication)
        {
            return Code(source, "Your sign-in code", "Your sign-in code", "Use this one-time code to sign in. It expires in a few minutes; never share it.", "Open the app", "Enter it in the app:");
        }

        if (source == CustomEmailSenderTriggerSource.AdminCreateUser)
        {
            return new EmailTemplate
            {
                TriggerSource = source,
                Subject = "Your new account",
                HtmlBody = HtmlStart + """
                    <h1 style="font-size:22px;margin:0 0 16px">Your account is ready</h1>
                    <p>An administrator created an account for you. Your username is <strong>{{ username }}</strong> and your temporary password is:</p>
                    <p style="font-size:20px;font-weight:600;margin:24px 0;font-family:Menlo,Consolas,monospace">{{ temporary_password }}</p>
                    <p>You will choose a new password when you first sign in.</p>
                    """ + ButtonBlock.Replace("{{ button }}", "Sign in", StringComparison.Ordinal) + HtmlEnd,
                TextBody = """
                    Your account is ready

                    An administrator created an account for you.
                    Username: {{ username }}
                    Temporary password: {{ temporary_password }}

                    You will choose a new password when you first sign in.
                    {% if link %}Sign in: {{ link | safe_url }}{% endif %}
                    """,
            };
        }

        if (source == CustomEmailSenderTriggerSource.AccountTakeOverNotification)
        {
            return new EmailTemplate
            {
                TriggerSource = source,
                Subject = "Security alert: unusual sign-in to your account",
                HtmlBody = HtmlStart + """
                    <h1 style="font-size:22px;margin:0 0 16px">Unusual sign-in to your account</h1>
                    <p>We noticed a sign-in to <strong>{{ username }}</strong> that looked unusual{% if action == "BLOCK" %}, and blocked it{% endif %}.</p>
                    <table role="presentation" cellpadding="4" cellspacing="0" style="margin:16px 0;font-size:14px">
                    <tr><td style="color:#656d76">When</td><td>{{ login_time }}</td></tr>
                    <tr><td style="color:#656d76">IP address</td><td>{{ ip_address }}</td></tr>
                    {% if city or country %}<tr><td style="color:#656d76">Location</td><td>{{ city }}{% if city and country %}, {% endif %}{{ country }}</td></tr>{% endif %}
                    {% if device_name %}<tr><td style="color:#656d76">Device</td><td>{{ device_name }}</td></tr>{% endif %}
                    </table>
                    {% if feedback_valid_link %}<p><a href="{{ feedback_valid_link | safe_url }}">This was me</a> &nbsp;·&nbsp; <a href="{{ feedback_invalid_link | safe_url }}">This was not me</a></p>{% endif %}
                    <p>If this was not you, change your password now.</p>
                    """ + HtmlEnd,
                TextBody = """
                    Unusual sign-in to your account

                    We noticed a sign-in to {{ username }} that looked unusual{% if action == "BLOCK" %}, and blocked it{% endif %}.
                    When: {{ login_time }}
                    IP address: {{ ip_address }}
                    {% if city or country %}Location: {{ city }}{% if city and country %}, {% endif %}{{ country }}
                    {% endif %}{% if device_name %}Device: {{ device_name }}
                    {% endif %}
                    {% if feedback_valid_link %}This was me: {{ feedback_valid_link | safe_url }}
                    This was not me: {{ feedback_invalid_link | safe_url }}
                    {% endif %}
                    If this was not you, change your password now.
                    """,
            };
        }

        return null;
    }

    private static EmailTemplate Code(CustomEmailSenderTriggerSource source, string subject, string heading, string intro, string button, string linkIntro) => new()
    {
        TriggerSource = source,
        Subject = subject,
        HtmlBody = HtmlStart + $"""
            <h1 style="font-size:22px;margin:0 0 16px">{heading}</h1>
            <p>{intro}</p>
            """ + CodeBlock + ButtonBlock.Replace("{{ button }}", button, StringComparison.Ordinal) + HtmlEnd,
        TextBody = heading + "\n\n" + intro + "\n\n    {{ code }}\n\n{% if link %}" + linkIntro + " {{ link | safe_url }}\n{% endif %}\nIf you did not request this email, you can ignore it.\n",
    };
}
