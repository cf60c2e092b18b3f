namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>GlobalSignOut</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html"/>).</summary>
internal sealed class GlobalSignOutRequest
{
    /// <summary>Cognito <c>GlobalSignOut</c>: unsigned, retried: repeating it leaves the same state.</summary>
    public static CognitoAction<GlobalSignOutRequest, GlobalSignOutResponse> Action { get; } = new(
        "GlobalSignOut",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.GlobalSignOutRequest,
        CognitoJsonContext.Default.GlobalSignOutResponse);

    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>GlobalSignOut</c> response.</summary>
internal sealed class GlobalSignOutResponse
{
}
