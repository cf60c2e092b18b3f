using Exanubes.Cognito.Tokens;
using Exanubes.Cognito.UserPools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Exanubes.Cognito.EmailSender.Tests.UserPools;

/// <summary>
/// Feeds the same user pool ids to every consumer at start-up (AddCognitoAuth, the token validation it registers, token
/// validation with a listed pool, the Custom Email Sender's options) and demands one verdict and one message (after
/// the setting's name) for each: the one parser (<see cref="CognitoUserPoolId"/>, linked into the sender) decides.
/// </summary>
public sealed class UserPoolIdStartupAgreementTests(ITestOutputHelper output)
{
    private const string Arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static TheoryData<string, bool> Ids => new()
    {
        { "eu-west-1_AbCdEf123", true },
        { "us-east-1_X", true },
        { "cn-north-1_Abc", true },
        { "cn-northwest-1_Abc", true },
        { "us-gov-west-1_Abc", true },
        { "us-iso-east-1_Abc", true },
        { "us-isob-east-1_Abc", true },
        { "eu-isoe-west-1_Abc", true },
        { "us-isof-south-1_Abc", true },
        { "eusc-de-east-1_Abc", true },
        { "local_5wpRvWBZ", true },
        { "EU-WEST-1_abc", false },
        { "", false },
        { "   ", false },
        { "eu-west-1_" + new string('a', 46), false },
        { "eu-west-1_Ab-C", false },
        { "eu-west-1_Ab C", false },
        { "eu-west-1AbC", false },
        { "Ireland_abc", false },
        { "eu_west_1_abc", false },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Startup_SamePoolId_SameVerdictAndMessageInEveryConsumer(string id, bool valid)
    {
        var auth = AuthFailures(id);
        var verdicts = new (string Consumer, string Setting, string? Message)[]
        {
            ("AddCognitoAuth", "Cognito:UserPoolId", auth.Auth),
            ("token validation (from AddCognitoAuth)", "Cognito:UserPoolId", auth.Tokens),
            ("token validation (listed pool)", "CognitoUserPoolTokenOptions.UserPoolId", ListedPoolFailure(id)),
            ("Custom Email Sender", "EmailSender:UserPoolId", SenderFailure(id)),
        };

        var expected = CognitoUserPoolId.Check(id, "<setting>");
        Assert.Equal(valid, expected is null);
        foreach (var (consumer, setting, message) in verdicts)
        {
            output.WriteLine($"{Show(id),-60} {consumer,-40} {(message is null ? "accepted" : "rejected: " + message)}");
            Assert.True((message is null) == valid, $"{consumer} judged '{id}' {(message is null ? "valid" : "invalid")}: {message}");
            if (message is not null)
            {
                Assert.Equal(expected, message.Replace(setting, "<setting>", StringComparison.Ordinal));
            }
        }
    }

    private static string Show(string id) => id.Length == 0 ? "(empty)" : id.Trim().Length == 0 ? "(whitespace)" : id;

    private static (string? Auth, string? Tokens) AuthFailures(string id)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCognitoAuth(o =>
        {
            o.UserPoolId = id;
            o.ClientId = "1example23456789";
        });
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return (null, null);
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException)
        {
            var failures = (ex is AggregateException all ? all.InnerExceptions : [ex]).Cast<OptionsValidationException>().ToList();
            return (PoolMessage(failures, typeof(CognitoAuthOptions), "Cognito:UserPoolId"),
                PoolMessage(failures, typeof(CognitoTokenValidationOptions), "Cognito:UserPoolId"));
        }
    }

    private static string? ListedPoolFailure(string id)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCognitoTokenValidation(o =>
        {
            var pool = new CognitoUserPoolTokenOptions { UserPoolId = id, Issuer = new Uri("https://issuer.example/pool") };
            pool.ClientIds.Add("1example23456789");
            o.UserPools.Add(pool);
        });
        using var provider = services.BuildServiceProvider();
        var ex = Record.Exception(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);
        return ex is OptionsValidationException failed
            ? PoolMessage([failed], typeof(CognitoTokenValidationOptions), "CognitoUserPoolTokenOptions.UserPoolId")
            : null;
    }

    private static string? SenderFailure(string id)
    {
        var result = new CustomEmailSenderOptionsValidator().Validate(null, new CustomEmailSenderOptions { KmsKeyArn = Arn, UserPoolId = id });
        return result.Failed ? result.Failures!.SingleOrDefault(f => f.StartsWith("EmailSender:UserPoolId", StringComparison.Ordinal)) : null;
    }

    private static string? PoolMessage(IEnumerable<OptionsValidationException> failures, Type optionsType, string setting) =>
        failures.Where(f => f.OptionsType == optionsType).SelectMany(f => f.Failures)
            .SingleOrDefault(f => f.StartsWith(setting + " ", StringComparison.Ordinal));
}
