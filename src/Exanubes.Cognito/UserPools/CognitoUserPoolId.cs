using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Exanubes.Cognito.UserPools;

/// <summary>
/// A parsed Amazon Cognito user pool id, <c>&lt;region&gt;_&lt;id&gt;</c>: its region, AWS partition and DNS suffix,
/// both issuer forms, the JWKS address and the service endpoint. The one home of the user pool id grammar.
/// </summary>
/// <remarks>
/// <para>
/// The grammar is Cognito's <c>UserPoolIdType</c> (pattern <c>[\w-]+_[0-9a-zA-Z]+</c>, 1-55 characters, from the
/// official cognito-idp API model) with its region part narrowed to a region name of an AWS partition, per the
/// partitions' <c>regionRegex</c> in the AWS SDKs' endpoint data: <c>aws</c> (<c>us|eu|ap|sa|ca|me|af|il|mx-*-N</c>),
/// <c>aws-cn</c> (<c>cn-*-N</c>), <c>aws-us-gov</c> (<c>us-gov-*-N</c>), <c>aws-iso</c> (<c>us-iso-*-N</c>),
/// <c>aws-iso-b</c> (<c>us-isob-*-N</c>), <c>aws-iso-e</c> (<c>eu-isoe-*-N</c>), <c>aws-iso-f</c>
/// (<c>us-isof-*-N</c>) and <c>aws-eusc</c> (<c>eusc-de-*-N</c>). The region <c>local</c> is cognito-local's
/// (<c>local_&lt;id&gt;</c>): it has no partition, so its addresses come from an explicit service URL.
/// </para>
/// <para>
/// Dependency-free (BCL only) so the Custom Email Sender package links this file instead of referencing the core.
/// </para>
/// </remarks>
internal sealed class CognitoUserPoolId : IEquatable<CognitoUserPoolId>
{
    /// <summary>The longest user pool id Cognito accepts (<c>UserPoolIdType</c> max).</summary>
    public const int MaxLength = 55;

    /// <summary>The region of cognito-local's pool ids (<c>local_&lt;id&gt;</c>).</summary>
    public const string LocalRegion = "local";

    /// <summary>The expected format, as every start-up message states it.</summary>
    public const string ExpectedFormat = "'<region>_<id>' (for example 'eu-west-1_AbCdEf123'; cognito-local: 'local_<id>')";

    // Partition name, region prefix (the region is '<prefix>-<name>-<number>'), DNS suffix, dual-stack DNS suffix.
    private static readonly (string Partition, string Prefix, string DnsSuffix, string DualStackDnsSuffix)[] Partitions =
    [
        ("aws", "us", "amazonaws.com", "api.aws"),
        ("aws", "eu", "amazonaws.com", "api.aws"),
        ("aws", "ap", "amazonaws.com", "api.aws"),
        ("aws", "sa", "amazonaws.com", "api.aws"),
        ("aws", "ca", "amazonaws.com", "api.aws"),
        ("aws", "me", "amazonaws.com", "api.aws"),
        ("aws", "af", "amazonaws.com", "api.aws"),
        ("aws", "il", "amazonaws.com", "api.aws"),
        ("aws", "mx", "amazonaws.com", "api.aws"),
        ("aws-cn", "cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
        ("aws-us-gov", "us-gov", "amazonaws.com", "api.aws"),
        ("aws-iso", "us-iso", "c2s.ic.gov", "api.aws.ic.gov"),
        ("aws-iso-b", "us-isob", "sc2s.sgov.gov", "api.aws.scloud"),
        ("aws-iso-e", "eu-isoe", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"),
        ("aws-iso-f", "us-isof", "csp.hci.ic.gov", "api.aws.hci.ic.gov"),
        ("aws-eusc", "eusc-de", "amazonaws.eu", "api.amazonwebservices.eu"),
    ];

    // Regions whose FIPS endpoint stays on the IPv4 suffix when dual-stack is also asked for (cognito-idp endpoint rules).
    private static readonly string[] FipsDualStackOnDnsSuffix = ["us-east-1", "us-east-2", "us-west-1", "us-west-2"];

    private readonly string? _dualStackDnsSuffix;

    private CognitoUserPoolId(string value, string region, string poolName, string? partition, string? dnsSuffix, string? dualStackDnsSuffix)
    {
        Value = value;
        Region = region;
        PoolName = poolName;
        Partition = partition;
        DnsSuffix = dnsSuffix;
        _dualStackDnsSuffix = dualStackDnsSuffix;
        if (dnsSuffix is not null)
        {
            OriginalIssuer = new Uri($"https://cognito-idp.{region}.{dnsSuffix}/{value}");
            UpdatedIssuer = new Uri($"https://issuer-cognito-idp.{region}.{dnsSuffix}/{value}");
            JwksUri = JwksUriOf(OriginalIssuer);
        }
    }

    /// <summary>The whole id, for example <c>eu-west-1_AbCdEf123</c>.</summary>
    public string Value { get; }

    /// <summary>The region part, for example <c>eu-west-1</c> (<c>local</c> for cognito-local).</summary>
    public string Region { get; }

    /// <summary>The part after the underscore, for example <c>AbCdEf123</c> (SRP hashes it as the pool name).</summary>
    public string PoolName { get; }

    /// <summary>The AWS partition, for example <c>aws</c> or <c>aws-cn</c>; <see langword="null"/> for cognito-local.</summary>
    public string? Partition { get; }

    /// <summary>The partition's DNS suffix, for example <c>amazonaws.com.cn</c>; <see langword="null"/> for cognito-local.</summary>
    public string? DnsSuffix { get; }

    /// <summary>Whether this is a cognito-local id (<c>local_&lt;id&gt;</c>), which has no AWS addresses.</summary>
    [MemberNotNullWhen(false, nameof(Partition), nameof(DnsSuffix), nameof(OriginalIssuer), nameof(UpdatedIssuer), nameof(JwksUri))]
    public bool IsLocal => DnsSuffix is null;

    /// <summary>The ORIGINAL issuer, <c>https://cognito-idp.{region}.{suffix}/{poolId}</c>; <see langword="null"/> for cognito-local.</summary>
    public Uri? OriginalIssuer { get; }

    /// <summary>The UPDATED issuer, <c>https://issuer-cognito-idp.{region}.{suffix}/{poolId}</c>; <see langword="null"/> for cognito-local.</summary>
    public Uri? UpdatedIssuer { get; }

    /// <summary>The JWKS address of the ORIGINAL issuer, <c>{issuer}/.well-known/jwks.json</c>; <see langword="null"/> for cognito-local.</summary>
    public Uri? JwksUri { get; }

    /// <summary>The JWKS address of an issuer: <c>{issuer}/.well-known/jwks.json</c>.</summary>
    public static Uri JwksUriOf(Uri issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return new Uri(issuer.OriginalString.TrimEnd('/') + "/.well-known/jwks.json");
    }

    /// <summary>
    /// The Cognito Identity Provider endpoint of the pool's region, per the cognito-idp endpoint rules:
    /// <c>https://cognito-idp[-fips].{region}.{suffix}/</c>, on the dual-stack suffix when asked (in the <c>aws</c>
    /// partition the regular endpoint already is dual-stack; FIPS with dual-stack in us-east-1/2 and us-west-1/2 stays
    /// on <c>amazonaws.com</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The id is a cognito-local id, which has no AWS endpoint.</exception>
    public Uri ServiceEndpoint(bool useFips = false, bool useDualStack = false)
    {
        if (IsLocal)
        {
            throw new InvalidOperationException($"The cognito-local user pool '{Value}' has no AWS endpoint; set the service URL explicitly.");
        }

        var host = useFips ? "cognito-idp-fips" : "cognito-idp";
        var suffix = DnsSuffix;
        if (useDualStack && !(Partition == "aws" && !useFips) && !(useFips && FipsDualStackOnDnsSuffix.Contains(Region, StringComparer.Ordinal)))
        {
            suffix = _dualStackDnsSuffix!;
        }

        return new Uri($"https://{host}.{Region}.{suffix}/");
    }

    /// <summary>Parses a user pool id; <see langword="false"/> when it does not follow the grammar.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out CognitoUserPoolId? id)
    {
        id = Parse(value, out _);
        return id is not null;
    }

    /// <summary>Parses a user pool id named by <paramref name="setting"/>.</summary>
    /// <exception cref="ArgumentException">The id does not follow the grammar; the message is <see cref="Check"/>'s.</exception>
    public static CognitoUserPoolId Parse(string? value, string setting) =>
        Parse(value, out var problem) ?? throw new ArgumentException(Describe(setting, value, problem!), setting);

    /// <summary>
    /// The start-up message for a user pool id that does not follow the grammar, naming <paramref name="setting"/>
    /// (for example <c>Cognito:UserPoolId</c>), or <see langword="null"/> when the id is valid. Every consumer reports
    /// this exact message.
    /// </summary>
    public static string? Check(string? value, string setting) =>
        Parse(value, out var problem) is null ? Describe(setting, value, problem!) : null;

    /// <inheritdoc />
    public bool Equals(CognitoUserPoolId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CognitoUserPoolId);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string Describe(string setting, string? value, string problem) =>
        string.IsNullOrWhiteSpace(value)
            ? $"{setting} is empty or missing: set the user pool id, {ExpectedFormat}."
            : $"{setting} '{Quote(value)}' is not a user pool id: {problem}; expected {ExpectedFormat}.";

    private static CognitoUserPoolId? Parse(string? value, out string? problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "empty";
            return null;
        }

        if (value.Length > MaxLength)
        {
            problem = $"longer than {MaxLength} characters";
            return null;
        }

        var underscore = value.LastIndexOf('_');
        if (underscore <= 0 || underscore == value.Length - 1)
        {
            problem = "no '_' between the region and the id";
            return null;
        }

        var region = value[..underscore];
        var name = value[(underscore + 1)..];
        if (!name.All(char.IsAsciiLetterOrDigit))
        {
            problem = "the part after '_' must be letters and digits";
            return null;
        }

        problem = null;
        if (string.Equals(region, LocalRegion, StringComparison.Ordinal))
        {
            return new CognitoUserPoolId(value, region, name, null, null, null);
        }

        foreach (var (partition, prefix, dnsSuffix, dualStack) in Partitions)
        {
            if (IsRegionOf(region, prefix))
            {
                return new CognitoUserPoolId(value, region, name, partition, dnsSuffix, dualStack);
            }
        }

        problem = $"'{Quote(region)}' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1')";
        return null;
    }

    /// <summary>Whether <paramref name="region"/> is <c>{prefix}-{name}-{number}</c>, name lower-case letters and digits.</summary>
    private static bool IsRegionOf(string region, string prefix)
    {
        if (region.Length <= prefix.Length + 1 || !region.StartsWith(prefix, StringComparison.Ordinal) || region[prefix.Length] != '-')
        {
            return false;
        }

        var rest = region.AsSpan(prefix.Length + 1);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || dash == rest.Length - 1)
        {
            return false;
        }

        var name = rest[..dash];
        var number = rest[(dash + 1)..];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        foreach (var c in number)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value as a message may show it: at most 64 characters, control characters as '?'.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 64) + 3);
        foreach (var c in value.Length > 64 ? value[..64] : value)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return value.Length > 64 ? builder.Append("...").ToString() : builder.ToString();
    }
}
