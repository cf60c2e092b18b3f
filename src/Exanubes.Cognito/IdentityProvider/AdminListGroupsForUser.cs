namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminListGroupsForUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListGroupsForUser.html"/>).</summary>
internal sealed class AdminListGroupsForUserRequest
{
    public string Username { get; set; } = string.Empty;

    public string UserPoolId { get; set; } = string.Empty;

    public int? Limit { get; set; }

    public string? NextToken { get; set; }
}

/// <summary>The <c>AdminListGroupsForUser</c> response.</summary>
internal sealed class AdminListGroupsForUserResponse
{
    public List<GroupType>? Groups { get; set; }

    public string? NextToken { get; set; }
}
