using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.DependencyInjection;

/// <summary>
/// Where the settings of one keyed pool come from, so start-up messages name them: <c>Tenants:A:UserPoolId</c> for a
/// pool bound from the <c>Tenants:A</c> section, <c>Cognito[tenant-a]:UserPoolId</c> for one set in code. The unkeyed
/// pool is always <c>Cognito</c>.
/// </summary>
internal sealed record CognitoAuthSettings(string Name, string Prefix)
{
    /// <summary>The prefix of the settings of the options named <paramref name="name"/>.</summary>
    public static string PrefixOf(IEnumerable<CognitoAuthSettings> settings, string? name) =>
        string.IsNullOrEmpty(name)
            ? CognitoAuthOptions.SectionName
            : settings.LastOrDefault(s => s.Name == name)?.Prefix ?? $"{CognitoAuthOptions.SectionName}[{name}]";

    /// <summary>The named HttpClient of the pool named <paramref name="name"/>.</summary>
    public static string HttpClientName(string? name) =>
        string.IsNullOrEmpty(name) || name == Options.DefaultName
            ? IdentityProvider.CognitoIdentityProviderClient.HttpClientName
            : $"{IdentityProvider.CognitoIdentityProviderClient.HttpClientName}:{name}";
}
