namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminListGroupsForUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListGroupsForUser.html"/>).</summary>
internal sealed class AdminListGroupsForUserRequest
{
    /// <summary>Cognito <c>AdminListGroupsForUser</c>: SigV4-signed, retried: a read.</summary>
    public static CognitoAction<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse> Action { get; } = new(
        "AdminListGroupsForUser",
        signed: true,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminListGroupsForUserRequest,
        CognitoJsonContext.Default.AdminListGroupsForUserResponse);

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
