namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>AdminRemoveUserFromGroup</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminRemoveUserFromGroup.html"/>).</summary>
internal sealed class AdminRemoveUserFromGroupRequest
{
    /// <summary>Cognito <c>AdminRemoveUserFromGroup</c>: SigV4-signed, retried: repeating it leaves the same state.</summary>
    public static CognitoAction<AdminRemoveUserFromGroupRequest, AdminRemoveUserFromGroupResponse> Action { get; } = new(
        "AdminRemoveUserFromGroup",
        signed: true,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.AdminRemoveUserFromGroupRequest,
        CognitoJsonContext.Default.AdminRemoveUserFromGroupResponse);

    public string UserPoolId { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string GroupName { get; set; } = string.Empty;
}

/// <summary>The <c>AdminRemoveUserFromGroup</c> response.</summary>
internal sealed class AdminRemoveUserFromGroupResponse
{
}
