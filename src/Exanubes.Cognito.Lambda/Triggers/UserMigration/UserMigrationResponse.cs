using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a migrate user event: the user Cognito creates.</summary>
public sealed class UserMigrationResponse
{
    /// <summary>The attributes of the new user (<c>email</c>, <c>email_verified</c>, ...). Required for a migration; <c>username</c> must not be set.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary><c>CONFIRMED</c> (sign-in proceeds) or <c>RESET_REQUIRED</c>. Default: <see langword="null"/> (<c>RESET_REQUIRED</c>).</summary>
    [JsonPropertyName("finalUserStatus")]
    public string? FinalUserStatus { get; set; }

    /// <summary><c>SUPPRESS</c> to send no welcome message, or <c>RESEND</c>. Default: <see langword="null"/> (send it).</summary>
    [JsonPropertyName("messageAction")]
    public string? MessageAction { get; set; }

    /// <summary><c>EMAIL</c> and/or <c>SMS</c>: where the welcome message goes. Default: <see langword="null"/> (SMS).</summary>
    [JsonPropertyName("desiredDeliveryMediums")]
    public IList<string>? DesiredDeliveryMediums { get; set; }

    /// <summary>Move an alias (email, phone) from another user to this one. Default: <see langword="null"/> (false).</summary>
    [JsonPropertyName("forceAliasCreation")]
    public bool? ForceAliasCreation { get; set; }
}
