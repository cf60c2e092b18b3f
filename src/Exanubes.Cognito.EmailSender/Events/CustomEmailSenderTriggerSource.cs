using System.Text.Json.Serialization;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The <c>triggerSource</c> of a Custom Email Sender event: why Cognito wants an email sent. The eight documented values
/// are static members; any other value is preserved as-is (<see cref="IsKnown"/> is <see langword="false"/>) so a new
/// trigger source added by Cognito does not break parsing.
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html"/>.</remarks>
[JsonConverter(typeof(CustomEmailSenderTriggerSourceJsonConverter))]
public readonly struct CustomEmailSenderTriggerSource : IEquatable<CustomEmailSenderTriggerSource>
{
    private readonly string? _value;

    /// <summary>Creates a trigger source from its wire value.</summary>
    /// <param name="value">The <c>triggerSource</c> string, for example <c>CustomEmailSender_SignUp</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public CustomEmailSenderTriggerSource(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>A user signed up: the code confirms the account.</summary>
    public static CustomEmailSenderTriggerSource SignUp { get; } = new("CustomEmailSender_SignUp");

    /// <summary>A user asked for a new account confirmation code.</summary>
    public static CustomEmailSenderTriggerSource ResendCode { get; } = new("CustomEmailSender_ResendCode");

    /// <summary>A user asked to reset a forgotten password: the code confirms the reset.</summary>
    public static CustomEmailSenderTriggerSource ForgotPassword { get; } = new("CustomEmailSender_ForgotPassword");

    /// <summary>A user changed the email attribute: the code verifies the new address.</summary>
    public static CustomEmailSenderTriggerSource UpdateUserAttribute { get; } = new("CustomEmailSender_UpdateUserAttribute");

    /// <summary>A user asked to verify the email attribute.</summary>
    public static CustomEmailSenderTriggerSource VerifyUserAttribute { get; } = new("CustomEmailSender_VerifyUserAttribute");

    /// <summary>An administrator created the user: the code is a temporary password, not digits.</summary>
    public static CustomEmailSenderTriggerSource AdminCreateUser { get; } = new("CustomEmailSender_AdminCreateUser");

    /// <summary>Threat protection saw a risky sign-in: there is no code; the user attributes carry the event details.</summary>
    public static CustomEmailSenderTriggerSource AccountTakeOverNotification { get; } = new("CustomEmailSender_AccountTakeOverNotification");

    /// <summary>Email sign-in or MFA: the code is a one-time sign-in code.</summary>
    public static CustomEmailSenderTriggerSource Authentication { get; } = new("CustomEmailSender_Authentication");

    /// <summary>The eight trigger sources documented by Cognito.</summary>
    public static IReadOnlyList<CustomEmailSenderTriggerSource> All { get; } =
    [
        SignUp, ResendCode, ForgotPassword, UpdateUserAttribute, VerifyUserAttribute, AdminCreateUser, AccountTakeOverNotification, Authentication,
    ];

    /// <summary>The wire value; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the eight documented trigger sources.</summary>
    public bool IsKnown
    {
        get
        {
            foreach (var known in All)
            {
                if (Equals(known))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether Cognito sends an encrypted code with this trigger source (all but the account-takeover notice).</summary>
    public bool CarriesCode => !Equals(AccountTakeOverNotification);

    /// <summary>Compares two trigger sources by wire value (ordinal).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CustomEmailSenderTriggerSource left, CustomEmailSenderTriggerSource right) => left.Equals(right);

    /// <summary>Compares two trigger sources by wire value (ordinal).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CustomEmailSenderTriggerSource left, CustomEmailSenderTriggerSource right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CustomEmailSenderTriggerSource other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CustomEmailSenderTriggerSource other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The <c>triggerSource</c> string.</returns>
    public override string ToString() => Value;
}
