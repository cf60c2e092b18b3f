using System.Text.Json;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>StartWebAuthnRegistration</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html"/>).</summary>
internal sealed class StartWebAuthnRegistrationRequest
{
    public string AccessToken { get; set; } = string.Empty;
}

/// <summary>The <c>StartWebAuthnRegistration</c> response: the <c>PublicKeyCredentialCreationOptionsJSON</c> document.</summary>
internal sealed class StartWebAuthnRegistrationResponse
{
    public JsonElement? CredentialCreationOptions { get; set; }
}
