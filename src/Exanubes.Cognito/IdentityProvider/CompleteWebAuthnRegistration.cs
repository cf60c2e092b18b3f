using System.Text.Json;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>The <c>CompleteWebAuthnRegistration</c> request (<see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html"/>): the attestation as a JSON document.</summary>
internal sealed class CompleteWebAuthnRegistrationRequest
{
    public string AccessToken { get; set; } = string.Empty;

    public JsonElement Credential { get; set; }
}

/// <summary>The <c>CompleteWebAuthnRegistration</c> response (empty).</summary>
internal sealed class CompleteWebAuthnRegistrationResponse
{
}
