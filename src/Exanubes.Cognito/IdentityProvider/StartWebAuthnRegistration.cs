using System.Text.Json;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>StartWebAuthnRegistration</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html"/>).</summary>
internal sealed class StartWebAuthnRegistrationRequest
{
    /// <summary>Cognito <c>StartWebAuthnRegistration</c>: unsigned, never retried (issues a new registration challenge).</summary>
    public static CognitoAction<StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse> Action { get; } = new(
        "StartWebAuthnRegistration",
        signed: false,
        retryable: false,
        CognitoRequestContext.None,
        CognitoJsonContext.Default.StartWebAuthnRegistrationRequest,
        CognitoJsonContext.Default.StartWebAuthnRegistrationResponse);

    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>StartWebAuthnRegistration</c> response: the <c>PublicKeyCredentialCreationOptionsJSON</c> document.</summary>
internal sealed class StartWebAuthnRegistrationResponse
{
    public JsonElement? CredentialCreationOptions { get; set; }
}
