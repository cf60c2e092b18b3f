using Exanubes.Cognito.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace Exanubes.Cognito.Authentication;

/// <summary>Authorization policy requirements on Cognito groups and scopes; an authenticated user who fails them gets <c>403</c>.</summary>
public static class CognitoAuthorizationPolicyBuilderExtensions
{
    /// <summary>
    /// Requires an authenticated user in at least one of <paramref name="groups"/> (<c>cognito:groups</c>). Call it
    /// twice to require two groups.
    /// </summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="groups">The accepted groups; at least one.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="groups"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AuthorizationPolicyBuilder RequireCognitoGroup(this AuthorizationPolicyBuilder builder, params string[] groups) =>
        Require(builder, CognitoClaimTypes.Groups, groups);

    /// <summary>
    /// Requires an authenticated user whose access token carries at least one of <paramref name="scopes"/>
    /// (<c>scope</c>). Call it twice to require two scopes.
    /// </summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="scopes">The accepted scopes, e.g. <c>orders/read</c>; at least one.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="scopes"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AuthorizationPolicyBuilder RequireCognitoScope(this AuthorizationPolicyBuilder builder, params string[] scopes) =>
        Require(builder, CognitoClaimTypes.Scope, scopes);

    private static AuthorizationPolicyBuilder Require(AuthorizationPolicyBuilder builder, string claimType, string[] values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("At least one value is required.", nameof(values));
        }

        return builder.RequireAuthenticatedUser().RequireClaim(claimType, values);
    }
}
