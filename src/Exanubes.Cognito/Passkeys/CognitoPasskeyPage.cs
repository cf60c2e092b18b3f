namespace Exanubes.Cognito.Passkeys;

/// <summary>One page of the user's passkeys (<c>ListWebAuthnCredentials</c>).</summary>
public sealed class CognitoPasskeyPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="passkeys">The passkeys on this page.</param>
    /// <param name="nextToken">The token for the next page; <see langword="null"/> on the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="passkeys"/> is null.</exception>
    public CognitoPasskeyPage(IReadOnlyList<CognitoPasskey> passkeys, string? nextToken)
    {
        ArgumentNullException.ThrowIfNull(passkeys);
        Passkeys = passkeys;
        NextToken = nextToken;
    }

    /// <summary>The passkeys on this page.</summary>
    public IReadOnlyList<CognitoPasskey> Passkeys { get; }

    /// <summary>Pass to <see cref="ICognitoPasskeys.ListAsync"/> for the next page; <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; }
}
