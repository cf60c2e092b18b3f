using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>The <c>response</c> of a verify auth challenge response event.</summary>
public sealed class VerifyAuthChallengeResponseResponse
{
    /// <summary>Whether the answer was correct. Default: <see langword="false"/>.</summary>
    [JsonPropertyName("answerCorrect")]
    public bool AnswerCorrect { get; set; }
}
