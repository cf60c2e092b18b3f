using System.Diagnostics;
using System.Text.Json;
using Exanubes.Cognito.TestSupport;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Tests.UserPools;

public sealed class CognitoUserPoolIdTests
{
    private const string Format = "'<region>_<id>' (for example 'eu-west-1_AbCdEf123'; cognito-local: 'local_<id>')";

    // Region names a partition's regionRegex admits but botocore does not list (yet): the grammar must take them too.
    private static readonly string[] UnlistedRegions = ["ap-future-9", "us-gov-north-1", "us-iso-south-1", "us-isob-north-1", "eu-isoe-north-1", "us-isof-west-1", "eusc-de-west-1", "cn-south-1"];

    [Theory]
    [InlineData("eu-west-1_AbCdEf123", "eu-west-1", "AbCdEf123", "aws", "amazonaws.com")]
    [InlineData("cn-north-1_Abc", "cn-north-1", "Abc", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1_Abc", "us-gov-west-1", "Abc", "aws-us-gov", "amazonaws.com")]
    [InlineData("us-iso-east-1_Abc", "us-iso-east-1", "Abc", "aws-iso", "c2s.ic.gov")]
    [InlineData("us-isob-east-1_Abc", "us-isob-east-1", "Abc", "aws-iso-b", "sc2s.sgov.gov")]
    [InlineData("eu-isoe-west-1_Abc", "eu-isoe-west-1", "Abc", "aws-iso-e", "cloud.adc-e.uk")]
    [InlineData("us-isof-south-1_Abc", "us-isof-south-1", "Abc", "aws-iso-f", "csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1_Abc", "eusc-de-east-1", "Abc", "aws-eusc", "amazonaws.eu")]
    public void Parse_EveryPartition_YieldsRegionPartitionSuffixAndAddresses(string value, string region, string name, string partition, string suffix)
    {
        var id = CognitoUserPoolId.Parse(value, "Cognito:UserPoolId");

        Assert.Equal(value, id.Value);
        Assert.Equal(region, id.Region);
        Assert.Equal(name, id.PoolName);
        Assert.Equal(partition, id.Partition);
        Assert.Equal(suffix, id.DnsSuffix);
        Assert.False(id.IsLocal);
        Assert.Equal(new Uri($"https://cognito-idp.{region}.{suffix}/{value}"), id.OriginalIssuer);
        Assert.Equal(new Uri($"https://issuer-cognito-idp.{region}.{suffix}/{value}"), id.UpdatedIssuer);
        Assert.Equal(new Uri($"https://cognito-idp.{region}.{suffix}/{value}/.well-known/jwks.json"), id.JwksUri);
        Assert.Equal(new Uri($"https://cognito-idp.{region}.{suffix}/"), id.ServiceEndpoint());
    }

    [Fact]
    public void Parse_CognitoLocalId_HasNoPartitionAndNoAwsAddresses()
    {
        var id = CognitoUserPoolId.Parse("local_5wpRvWBZ", "Cognito:UserPoolId");

        Assert.True(id.IsLocal);
        Assert.Equal("local", id.Region);
        Assert.Equal("5wpRvWBZ", id.PoolName);
        Assert.Null(id.Partition);
        Assert.Null(id.OriginalIssuer);
        Assert.Null(id.UpdatedIssuer);
        Assert.Null(id.JwksUri);
        var ex = Assert.Throws<InvalidOperationException>(() => id.ServiceEndpoint());
        Assert.Equal("The cognito-local user pool 'local_5wpRvWBZ' has no AWS endpoint; set the service URL explicitly.", ex.Message);
    }

    [Theory]
    [InlineData(null, "Cognito:UserPoolId is empty or missing: set the user pool id, " + Format + ".")]
    [InlineData("", "Cognito:UserPoolId is empty or missing: set the user pool id, " + Format + ".")]
    [InlineData("  ", "Cognito:UserPoolId is empty or missing: set the user pool id, " + Format + ".")]
    [InlineData("eu-west-1", "Cognito:UserPoolId 'eu-west-1' is not a user pool id: no '_' between the region and the id; expected " + Format + ".")]
    [InlineData("eu-west-1_", "Cognito:UserPoolId 'eu-west-1_' is not a user pool id: no '_' between the region and the id; expected " + Format + ".")]
    [InlineData("_AbC", "Cognito:UserPoolId '_AbC' is not a user pool id: no '_' between the region and the id; expected " + Format + ".")]
    [InlineData("eu-west-1_Ab-C", "Cognito:UserPoolId 'eu-west-1_Ab-C' is not a user pool id: the part after '_' must be letters and digits; expected " + Format + ".")]
    [InlineData("eu-west-1_Ab\u00e9", "Cognito:UserPoolId 'eu-west-1_Ab\u00e9' is not a user pool id: the part after '_' must be letters and digits; expected " + Format + ".")]
    [InlineData("EU-WEST-1_abc", "Cognito:UserPoolId 'EU-WEST-1_abc' is not a user pool id: 'EU-WEST-1' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'); expected " + Format + ".")]
    [InlineData("Ireland_abc", "Cognito:UserPoolId 'Ireland_abc' is not a user pool id: 'Ireland' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'); expected " + Format + ".")]
    [InlineData("eu_west_1_abc", "Cognito:UserPoolId 'eu_west_1_abc' is not a user pool id: 'eu_west_1' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'); expected " + Format + ".")]
    [InlineData("zz-west-1_abc", "Cognito:UserPoolId 'zz-west-1_abc' is not a user pool id: 'zz-west-1' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'); expected " + Format + ".")]
    [InlineData("eu-west-x_abc", "Cognito:UserPoolId 'eu-west-x_abc' is not a user pool id: 'eu-west-x' is not an AWS region (for example 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1'); expected " + Format + ".")]
    [InlineData("eu-west-1_abc\n", "Cognito:UserPoolId 'eu-west-1_abc?' is not a user pool id: the part after '_' must be letters and digits; expected " + Format + ".")]
    [InlineData("eu-west-1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvw", "Cognito:UserPoolId 'eu-west-1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvw' is not a user pool id: longer than 55 characters; expected " + Format + ".")]
    public void Check_NotAPoolId_NamesTheSettingTheProblemAndTheFormat(string? value, string expected)
    {
        Assert.Equal(expected, CognitoUserPoolId.Check(value, "Cognito:UserPoolId"));
        Assert.False(CognitoUserPoolId.TryParse(value, out _));
        var ex = Assert.Throws<ArgumentException>(() => CognitoUserPoolId.Parse(value, "Cognito:UserPoolId"));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LongestPoolId_IsAccepted()
    {
        var value = "eu-west-1_" + new string('a', CognitoUserPoolId.MaxLength - "eu-west-1_".Length);

        Assert.Null(CognitoUserPoolId.Check(value, "Cognito:UserPoolId"));
        Assert.NotNull(CognitoUserPoolId.Check(value + "a", "Cognito:UserPoolId"));
    }

    [Fact]
    public void Check_HostileValue_IsShortenedAndStripped()
    {
        var message = CognitoUserPoolId.Check(new string('x', 500) + "\u001b[31m", "Cognito:UserPoolId")!;

        Assert.Contains("'" + new string('x', 64) + "...'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1_A", false, true, "https://cognito-idp.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1_A", true, true, "https://cognito-idp-fips.us-east-1.amazonaws.com/")]
    [InlineData("ca-central-1_A", true, true, "https://cognito-idp-fips.ca-central-1.api.aws/")]
    [InlineData("cn-north-1_A", false, true, "https://cognito-idp.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("us-gov-west-1_A", true, false, "https://cognito-idp-fips.us-gov-west-1.amazonaws.com/")]
    public void ServiceEndpoint_FipsAndDualStack_FollowTheCognitoEndpointRules(string value, bool fips, bool dualStack, string expected)
        => Assert.Equal(new Uri(expected), CognitoUserPoolId.Parse(value, "pool").ServiceEndpoint(fips, dualStack));

    /// <summary>
    /// Holds every region of every AWS partition (and unlisted ones each partition's grammar admits) to botocore's own
    /// data: the partition, its DNS suffix and the four cognito-idp endpoints its rule engine resolves.
    /// </summary>
    [Fact]
    public async Task Parse_EveryRegionInBotocoreData_AgreesWithItsPartitionsAndEndpointRules()
    {
        var lines = await RunPythonAsync(Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.Tests", "UserPools", "aws-endpoints.py"), UnlistedRegions);
        Assert.True(lines.Count > 40, $"botocore listed only {lines.Count} regions");
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            var r = row.RootElement;
            var region = r.GetProperty("region").GetString()!;
            var id = CognitoUserPoolId.Parse(region + "_AbCdEf123", "pool");
            string Url(string name) => r.GetProperty(name).GetString()!.TrimEnd('/') + "/";

            Assert.Equal(r.GetProperty("partition").GetString(), id.Partition);
            Assert.Equal(r.GetProperty("dnsSuffix").GetString(), id.DnsSuffix);
            Assert.Equal(new Uri(Url("endpoint")), id.ServiceEndpoint());
            Assert.Equal(new Uri(Url("fips")), id.ServiceEndpoint(useFips: true));
            Assert.Equal(new Uri(Url("dualStack")), id.ServiceEndpoint(useDualStack: true));
            Assert.Equal(new Uri(Url("fipsDualStack")), id.ServiceEndpoint(useFips: true, useDualStack: true));
            partitions.Add(id.Partition!);
        }

        Assert.Equal(["aws", "aws-cn", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-us-gov"], partitions.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> RunPythonAsync(string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started (it ships botocore's endpoint data).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 {script} failed: {await stderr}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
