namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>DeleteUser</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUser.html"/>).</summary>
internal sealed class DeleteUserRequest
{
    /// <summary>Cognito <c>DeleteUser</c>: unsigned, never retried: a second run after a lost success reports a false failure.</summary>
    public static CognitoAction<DeleteUserRequest, DeleteUserResponse> Action { get; } = new(
        "DeleteUser",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.DeleteUserRequest,
        CognitoJsonContext.Default.DeleteUserResponse);

    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>DeleteUser</c> response.</summary>
internal sealed class DeleteUserResponse
{
}
