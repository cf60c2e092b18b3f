using System.Text.Json;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Passkeys;

/// <summary>Passkey registration and management: Start/CompleteWebAuthnRegistration, ListWebAuthnCredentials, DeleteWebAuthnCredential.</summary>
internal sealed class PasskeyFlow : ICognitoPasskeys
{
    private readonly CognitoIdentityProviderClient _client;

    public PasskeyFlow(CognitoIdentityProviderClient client) => _client = client;

    public async Task<CognitoResult<string>> StartRegistrationAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.SendAsync(StartWebAuthnRegistrationRequest.Action, new StartWebAuthnRegistrationRequest { AccessToken = accessToken }, cancellationToken)
            .ConfigureAwait(false);
        result = result.ForTier(CognitoFeatureTier.Essentials);
        if (!result.Succeeded)
        {
            return CognitoResult<string>.Failure(result.Error);
        }

        return result.Value.CredentialCreationOptions is { ValueKind: JsonValueKind.Object } options
            ? CognitoResult<string>.Success(options.GetRawText())
            : CognitoResult<string>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered StartWebAuthnRegistration without credential creation options.", System.Net.HttpStatusCode.OK));
    }

    public async Task<CognitoResult> CompleteRegistrationAsync(string accessToken, string credentialJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var credential = ParseCredential(credentialJson);
        var result = await _client.SendAsync(
            CompleteWebAuthnRegistrationRequest.Action,
            new CompleteWebAuthnRegistrationRequest { AccessToken = accessToken, Credential = credential },
            cancellationToken).ConfigureAwait(false);
        result = result.ForTier(CognitoFeatureTier.Essentials);
        return result.Succeeded ? CognitoResult.Success : CognitoResult.Failure(result.Error);
    }

    public async Task<CognitoResult<CognitoPasskeyPage>> ListAsync(string accessToken, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        if (maxResults is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, "ListWebAuthnCredentials takes 1 to 20 results per page.");
        }

        var result = await _client.SendAsync(
            ListWebAuthnCredentialsRequest.Action,
            new ListWebAuthnCredentialsRequest { AccessToken = accessToken, NextToken = nextToken, MaxResults = maxResults },
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => new CognitoPasskeyPage(
            [.. (r.Credentials ?? []).Where(c => !string.IsNullOrEmpty(c.CredentialId)).Select(c => new CognitoPasskey(
                c.CredentialId!,
                c.FriendlyCredentialName ?? string.Empty,
                c.RelyingPartyId ?? string.Empty,
                c.AuthenticatorAttachment,
                c.AuthenticatorTransports ?? [],
                c.CreatedAt ?? DateTimeOffset.UnixEpoch))],
            r.NextToken));
    }

    public async Task<CognitoResult> DeleteAsync(string accessToken, string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        var result = await _client.SendAsync(
            DeleteWebAuthnCredentialRequest.Action,
            new DeleteWebAuthnCredentialRequest { AccessToken = accessToken, CredentialId = credentialId },
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? CognitoResult.Success : CognitoResult.Failure(result.Error);
    }

    /// <summary>Parses the browser's credential JSON into the document Cognito takes; a caller error when it is not a JSON object.</summary>
    internal static JsonElement ParseCredential(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        try
        {
            using var document = JsonDocument.Parse(credentialJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("The WebAuthn credential must be a JSON object (the PublicKeyCredential's toJSON()).", nameof(credentialJson));
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The WebAuthn credential is not valid JSON.", nameof(credentialJson), ex);
        }
    }
}
