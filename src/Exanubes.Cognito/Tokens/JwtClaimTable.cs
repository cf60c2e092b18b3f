namespace Exanubes.Cognito.Tokens;

/// <summary>A claim the reader records (its position in the payload, or its number); everything else is skipped.</summary>
internal enum JwtClaim
{
    Other = 0,
    Issuer,
    Subject,
    Audience,
    ExpiresAt,
    NotBefore,
    IssuedAt,
    JwtId,
    Scope,
    Username,
    TokenUse,
    ClientId,
    AuthTime,
    OriginJti,
    Groups,
    CognitoUsername,
}

/// <summary>The JSON type a recorded claim must have.</summary>
internal enum JwtClaimKind
{
    String,
    NumericDate,
    StringArray,
}

/// <summary>
/// THE claim table: every claim the validator and <see cref="CognitoValidatedToken"/> read, with its name (from
/// <see cref="CognitoClaimTypes"/>) and JSON type. The reader identifies names and checks types from it; nothing else
/// spells a claim name.
/// </summary>
internal static class JwtClaimTable
{
    public const int Count = (int)JwtClaim.CognitoUsername + 1;

    private const int MaxNameLength = 16;

    private static readonly (JwtClaim Claim, string Name, JwtClaimKind Kind)[] Entries =
    [
        (JwtClaim.Issuer, CognitoClaimTypes.Issuer, JwtClaimKind.String),
        (JwtClaim.Subject, CognitoClaimTypes.Subject, JwtClaimKind.String),
        (JwtClaim.Audience, CognitoClaimTypes.Audience, JwtClaimKind.String),
        (JwtClaim.ExpiresAt, CognitoClaimTypes.ExpiresAt, JwtClaimKind.NumericDate),
        (JwtClaim.NotBefore, CognitoClaimTypes.NotBefore, JwtClaimKind.NumericDate),
        (JwtClaim.IssuedAt, CognitoClaimTypes.IssuedAt, JwtClaimKind.NumericDate),
        (JwtClaim.JwtId, CognitoClaimTypes.JwtId, JwtClaimKind.String),
        (JwtClaim.Scope, CognitoClaimTypes.Scope, JwtClaimKind.String),
        (JwtClaim.Username, CognitoClaimTypes.Username, JwtClaimKind.String),
        (JwtClaim.TokenUse, CognitoClaimTypes.TokenUse, JwtClaimKind.String),
        (JwtClaim.ClientId, CognitoClaimTypes.ClientId, JwtClaimKind.String),
        (JwtClaim.AuthTime, CognitoClaimTypes.AuthTime, JwtClaimKind.NumericDate),
        (JwtClaim.OriginJti, CognitoClaimTypes.OriginJti, JwtClaimKind.String),
        (JwtClaim.Groups, CognitoClaimTypes.Groups, JwtClaimKind.StringArray),
        (JwtClaim.CognitoUsername, CognitoClaimTypes.CognitoUsername, JwtClaimKind.String),
    ];

    private static readonly string[] Names = BuildNames();
    private static readonly JwtClaimKind[] Kinds = BuildKinds();

    /// <summary>The UTF-8 names grouped by length, so identifying a name compares only names of its length.</summary>
    private static readonly (byte[] Utf8, JwtClaim Claim)[][] ByLength = BuildByLength();

    public static string Name(JwtClaim claim) => Names[(int)claim];

    public static JwtClaimKind Kind(JwtClaim claim) => Kinds[(int)claim];

    /// <summary>Names an unescaped UTF-8 property name.</summary>
    public static JwtClaim Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length > MaxNameLength)
        {
            return JwtClaim.Other;
        }

        foreach (var (utf8, claim) in ByLength[name.Length])
        {
            if (name.SequenceEqual(utf8))
            {
                return claim;
            }
        }

        return JwtClaim.Other;
    }

    private static string[] BuildNames()
    {
        var names = new string[Count];
        names[0] = "(other)";
        foreach (var (claim, name, _) in Entries)
        {
            names[(int)claim] = name;
        }

        return names;
    }

    private static JwtClaimKind[] BuildKinds()
    {
        var kinds = new JwtClaimKind[Count];
        foreach (var (claim, _, kind) in Entries)
        {
            kinds[(int)claim] = kind;
        }

        return kinds;
    }

    private static (byte[] Utf8, JwtClaim Claim)[][] BuildByLength()
    {
        var table = new (byte[] Utf8, JwtClaim Claim)[MaxNameLength + 1][];
        for (var length = 0; length <= MaxNameLength; length++)
        {
            table[length] = [.. Entries.Where(e => e.Name.Length == length).Select(e => (System.Text.Encoding.UTF8.GetBytes(e.Name), e.Claim))];
        }

        return table;
    }
}
