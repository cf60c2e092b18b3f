namespace Exanubes.Cognito.Passkeys;

/// <summary>One passkey of the user (<c>WebAuthnCredentialDescription</c>), as listed on an account page.</summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnCredentialDescription.html"/>.</remarks>
public sealed class CognitoPasskey
{
    /// <summary>Creates a passkey description.</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="friendlyName">The name Cognito generated for it.</param>
    /// <param name="relyingPartyId">The relying-party id it is bound to.</param>
    /// <param name="authenticatorAttachment"><c>platform</c> or <c>cross-platform</c>, when known.</param>
    /// <param name="transports">The authenticator's transports, for example <c>internal</c>, <c>usb</c>.</param>
    /// <param name="createdAt">When it was registered.</param>
    /// <exception cref="ArgumentException"><paramref name="credentialId"/> is null or empty.</exception>
    public CognitoPasskey(string credentialId, string friendlyName, string relyingPartyId, string? authenticatorAttachment, IReadOnlyList<string> transports, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        ArgumentNullException.ThrowIfNull(transports);
        CredentialId = credentialId;
        FriendlyName = friendlyName ?? string.Empty;
        RelyingPartyId = relyingPartyId ?? string.Empty;
        AuthenticatorAttachment = authenticatorAttachment;
        Transports = transports;
        CreatedAt = createdAt;
    }

    /// <summary>The credential id; pass it to <see cref="ICognitoPasskeys.DeleteAsync"/>.</summary>
    public string CredentialId { get; }

    /// <summary>The name Cognito generated for the passkey.</summary>
    public string FriendlyName { get; }

    /// <summary>The relying-party id the passkey is bound to.</summary>
    public string RelyingPartyId { get; }

    /// <summary><c>platform</c> (built into the device) or <c>cross-platform</c> (a security key, a phone), when known.</summary>
    public string? AuthenticatorAttachment { get; }

    /// <summary>The authenticator's transports.</summary>
    public IReadOnlyList<string> Transports { get; }

    /// <summary>When the passkey was registered.</summary>
    public DateTimeOffset CreatedAt { get; }
}
