namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminAddUserToGroup</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html"/>).</summary>
internal sealed class AdminAddUserToGroupRequest
{
    /// <summary>Cognito <c>AdminAddUserToGroup</c>: SigV4-signed, retried: repeating it leaves the same state.</summary>
    public static CognitoAction<AdminAddUserToGroupRequest, AdminAddUserToGroupResponse> Action { get; } = new(
        "AdminAddUserToGroup",
        signed: true,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminAddUserToGroupRequest,
        CognitoJsonContext.Default.AdminAddUserToGroupResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string GroupName { get; set; } = string.Empty;
}

/// <summary>The <c>AdminAddUserToGroup</c> response.</summary>
internal sealed class AdminAddUserToGroupResponse
{
}
