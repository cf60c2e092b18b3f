using System.Text.Json.Serialization;

namespace Exanubes.Cognito.Lambda;

/// <summary>Groups and IAM roles: <c>request.groupConfiguration</c>, and the <c>groupOverrideDetails</c> of the response.</summary>
public sealed class TokenGroupConfiguration
{
    /// <summary>The groups (<c>cognito:groups</c>).</summary>
    [JsonPropertyName("groupsToOverride")]
    public IList<string>? GroupsToOverride { get; set; }

    /// <summary>The IAM roles (<c>cognito:roles</c>).</summary>
    [JsonPropertyName("iamRolesToOverride")]
    public IList<string>? IamRolesToOverride { get; set; }

    /// <summary>The preferred IAM role (<c>cognito:preferred_role</c>).</summary>
    [JsonPropertyName("preferredRole")]
    public string? PreferredRole { get; set; }
}
