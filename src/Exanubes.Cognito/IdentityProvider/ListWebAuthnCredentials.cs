namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>ListWebAuthnCredentials</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html"/>).</summary>
internal sealed class ListWebAuthnCredentialsRequest
{
    /// <summary>Cognito <c>ListWebAuthnCredentials</c>: unsigned, retried on throttling and 5xx (read-only).</summary>
    public static CognitoAction<ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse> Action { get; } = new(
        "ListWebAuthnCredentials",
        signed: false,
        retryable: true,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.ListWebAuthnCredentialsRequest,
        CognitoJsonContext.Default.ListWebAuthnCredentialsResponse);

    public string AccessToken { get; set; } = string.Empty;

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

/// <summary>The <c>ListWebAuthnCredentials</c> response.</summary>
internal sealed class ListWebAuthnCredentialsResponse
{
    public List<WebAuthnCredentialDescription>? Credentials { get; set; }

    public string? NextToken { get; set; }
}

/// <summary><c>WebAuthnCredentialDescription</c>: one passkey.</summary>
internal sealed class WebAuthnCredentialDescription
{
    public string? CredentialId { get; set; }

    public string? FriendlyCredentialName { get; set; }

    public string? RelyingPartyId { get; set; }

    public string? AuthenticatorAttachment { get; set; }

    public List<string>? AuthenticatorTransports { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
