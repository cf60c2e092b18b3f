namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>DeleteWebAuthnCredential</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html"/>).</summary>
internal sealed class DeleteWebAuthnCredentialRequest
{
    /// <summary>Cognito <c>DeleteWebAuthnCredential</c>: unsigned, never retried (a second run reports ResourceNotFound for a deleted passkey).</summary>
    public static CognitoAction<DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse> Action { get; } = new(
        "DeleteWebAuthnCredential",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.DeleteWebAuthnCredentialRequest,
        CognitoJsonContext.Default.DeleteWebAuthnCredentialResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string CredentialId { get; set; } = string.Empty;
}

/// <summary>The <c>DeleteWebAuthnCredential</c> response (empty).</summary>
internal sealed class DeleteWebAuthnCredentialResponse
{
}
