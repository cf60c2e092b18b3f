using System.Globalization;
using System.Numerics;

namespace Exanubes.Cognito.Srp;

/// <summary>
/// The client side of Cognito's USER_SRP_AUTH flow (Cognito's variant of SRP-6a over the 3072-bit RFC 5054 group).
/// </summary>
internal sealed class CognitoSrpClient
{
    /// <summary>Creates a client with a fresh random private value <c>a</c> for the given user pool.</summary>
    /// <param name="userPoolId">The user pool id, <c>&lt;region&gt;_&lt;id&gt;</c>.</param>
    public CognitoSrpClient(string userPoolId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        SrpAHex = string.Empty;
    }

    /// <summary>Creates a client with a fixed private value <c>a</c> (tests and known-answer vectors only).</summary>
    internal CognitoSrpClient(string userPoolId, BigInteger privateA)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        _ = privateA;
        SrpAHex = string.Empty;
    }

    /// <summary>The public value A as lower-case hex, sent as SRP_A.</summary>
    public string SrpAHex { get; }

    /// <summary>Formats a time the way Cognito expects in the TIMESTAMP challenge response.</summary>
    public static string FormatTimestamp(DateTimeOffset utcNow)
        => utcNow.ToUniversalTime().ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary>Computes PASSWORD_CLAIM_SIGNATURE for a PASSWORD_VERIFIER challenge.</summary>
    public string ComputePasswordClaimSignature(string userIdForSrp, string password, string srpBHex, string saltHex, string secretBlockBase64, string timestamp)
        => throw new NotImplementedException();
}
