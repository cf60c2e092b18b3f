using System.Text.Json;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>CompleteWebAuthnRegistration</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html"/>): the attestation as a JSON document.</summary>
internal sealed class CompleteWebAuthnRegistrationRequest
{
    /// <summary>Cognito <c>CompleteWebAuthnRegistration</c>: unsigned, never retried (consumes the registration challenge).</summary>
    public static CognitoAction<CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse> Action { get; } = new(
        "CompleteWebAuthnRegistration",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.CompleteWebAuthnRegistrationRequest,
        CognitoJsonContext.Default.CompleteWebAuthnRegistrationResponse);

    public string AccessToken { get; set; } = string.Empty;

    public JsonElement Credential { get; set; }
}

/// <summary>The <c>CompleteWebAuthnRegistration</c> response (empty).</summary>
internal sealed class CompleteWebAuthnRegistrationResponse
{
}
