using System.Reflection;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>Every action descriptor of the product: the static <c>Action</c> of each request type.</summary>
internal static class ActionDescriptors
{
    public static IReadOnlyList<CognitoAction> All { get; } = typeof(CognitoAction).Assembly.GetTypes()
        .Select(t => t.GetProperty("Action", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(p => p is not null && typeof(CognitoAction).IsAssignableFrom(p.PropertyType))
        .Select(p => (CognitoAction)p!.GetValue(null)!)
        .OrderBy(a => a.Name, StringComparer.Ordinal)
        .ToList();

    public static CognitoAction Named(string name) => All.Single(a => a.Name == name);
}
