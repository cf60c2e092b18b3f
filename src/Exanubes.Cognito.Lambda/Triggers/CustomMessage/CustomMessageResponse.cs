using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a custom message event: the message Cognito sends. Each must keep the code placeholder.</summary>
public sealed class CustomMessageResponse
{
    /// <summary>The SMS text (at most 140 UTF-8 characters, per the Cognito docs). Default: <see langword="null"/> (Cognito's own).</summary>
    [JsonPropertyName("smsMessage")]
    public string? SmsMessage { get; set; }

    /// <summary>The email body, HTML allowed (at most 20,000 UTF-8 characters). Default: <see langword="null"/> (Cognito's own).</summary>
    [JsonPropertyName("emailMessage")]
    public string? EmailMessage { get; set; }

    /// <summary>The email subject (at most 140 UTF-8 characters). Default: <see langword="null"/> (Cognito's own).</summary>
    [JsonPropertyName("emailSubject")]
    public string? EmailSubject { get; set; }
}
