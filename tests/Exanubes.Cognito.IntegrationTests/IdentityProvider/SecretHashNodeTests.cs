using System.Text.Json;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.IdentityProvider;

/// <summary>SECRET_HASH known answers from Node's crypto (secret-hash.js), including non-ASCII user names and secrets.</summary>
public sealed class SecretHashNodeTests
{
    private static readonly (string Username, string ClientId, string ClientSecret)[] Inputs =
    [
        ("alice", "1example23456789", "secret"),
        ("alice@example.com", "7ijcbf0glj6md0klb7b8pkt4q9", "1a2b3c4d5e6f7g8h9i0jklmnopqrstuvwxyzABCDEFGHIJKLMN"),
        ("zoë.ñandú@example.com", "client", "s3cr3t"),
        ("用户名", "client", "秘密"),
        ("🙂 emoji-user", "client", "🔑 secret"),
        ("e\u0301", "client", "secret"),
        ("\u00e9", "client", "secret"),
        ("Ωmega+tag@exämple.org", "3n1k2j3h4g5f6d7s8a9p0o1i2u", "ÄÖÜäöüß-secret-ä"),
        ("8c5b4a2e-6f1d-4c3b-9a8e-7d6c5b4a3f2e", "client", new string('k', 200)),
        (string.Empty, "client", "secret"),
    ];

    [Fact]
    public async Task Compute_Inputs_EqualsNodeCrypto()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.IntegrationTests", "IdentityProvider", "secret-hash.js");
        var input = JsonSerializer.Serialize(Inputs.Select(i => new Dictionary<string, string>
        {
            ["username"] = i.Username,
            ["clientId"] = i.ClientId,
            ["clientSecret"] = i.ClientSecret,
        }));

        var expected = JsonSerializer.Deserialize<string[]>(await NodeScript.RunAsync(script, [], input)) ?? [];

        Assert.Equal(Inputs.Length, expected.Length);
        for (var i = 0; i < Inputs.Length; i++)
        {
            var (username, clientId, clientSecret) = Inputs[i];
            Assert.True(expected[i] == SecretHash.Compute(username, clientId, clientSecret), $"SECRET_HASH differs for username '{username}'");
        }

        Assert.Equal(expected.Length, expected.Distinct(StringComparer.Ordinal).Count());
    }
}
