using System.Text;

namespace Exanubes.Cognito.Tokens;

/// <summary>One accepted <c>iss</c> of a pool (a form, in its region or a replica region) and the signing keys its tokens are checked with.</summary>
internal sealed class CognitoIssuer
{
    public CognitoIssuer(string value, CognitoUserPool pool, CognitoSigningKeyCache keys, bool pinned)
    {
        Value = value;
        Utf8 = Encoding.UTF8.GetBytes(value);
        Pool = pool;
        Keys = keys;
        Pinned = pinned;
    }

    public string Value { get; }

    public byte[] Utf8 { get; }

    public CognitoUserPool Pool { get; }

    public CognitoSigningKeyCache Keys { get; }

    /// <summary>Configured explicitly (an exact issuer or a pinned form): warmed up and health-checked from the start.</summary>
    public bool Pinned { get; }
}
