namespace Exanubes.Cognito;

/// <summary>A user-pool group (<c>GroupType</c>).</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GroupType.html"/>.</remarks>
public sealed class CognitoGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="groupName">The group name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> is null.</exception>
    public CognitoGroup(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        GroupName = groupName;
    }

    /// <summary>The group name.</summary>
    public string GroupName { get; }

    /// <summary>The description; <see langword="null"/> when none.</summary>
    public string? Description { get; init; }

    /// <summary>The precedence (lower wins for <c>cognito:preferred_role</c>); <see langword="null"/> when none.</summary>
    public int? Precedence { get; init; }

    /// <summary>The IAM role ARN; <see langword="null"/> when none.</summary>
    public string? RoleArn { get; init; }
}
