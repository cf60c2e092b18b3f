using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Changes a pre token generation event's tokens and writes the response shape its version expects: version 1
/// <c>claimsOverrideDetails</c> (ID token, string claims), versions 2 and 3 <c>claimsAndScopeOverrideDetails</c> (ID and
/// access tokens, any JSON claim value, scopes). Each method returns the builder, so calls chain.
/// </summary>
/// <remarks>
/// A change the event cannot carry throws <see cref="InvalidOperationException"/> instead of being dropped by Cognito:
/// access-token changes on a version 1 event, and ID token or group changes on a machine-to-machine event (there is no
/// ID token and no user). Claim values built from user attributes or client metadata are untrusted input to whoever
/// reads the token.
/// </remarks>
public sealed class PreTokenGenerationBuilder
{
    private readonly PreTokenGenerationEvent _evt;

    internal PreTokenGenerationBuilder(PreTokenGenerationEvent evt) => _evt = evt;

    /// <summary>Adds or overrides a string claim in the ID token.</summary>
    /// <exception cref="InvalidOperationException">The event is machine-to-machine (no ID token).</exception>
    public PreTokenGenerationBuilder AddOrOverrideIdTokenClaim(string name, string value)
        => AddOrOverrideIdTokenClaim(name, JsonValue.Create(value));

    /// <summary>Adds or overrides a claim in the ID token; in version 1 the value must be a JSON string.</summary>
    /// <exception cref="InvalidOperationException">The event is machine-to-machine (no ID token).</exception>
    /// <exception cref="ArgumentException">Version 1 and the value is not a string.</exception>
    public PreTokenGenerationBuilder AddOrOverrideIdTokenClaim(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        RequireIdToken();
        if (_evt.VersionNumber == 1)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw new ArgumentException($"Version 1 pre token generation claims are strings; '{name}' is {value?.GetValueKind().ToString() ?? "null"}. Use the V2_0 trigger for other JSON values.", nameof(value));
            }

            var v1 = V1();
            (v1.ClaimsToAddOrOverride ??= new(StringComparer.Ordinal))[name] = v.GetValue<string>();
            v1.ClaimsToSuppress?.Remove(name);
            return this;
        }

        var id = V2().IdTokenGeneration ??= new();
        (id.ClaimsToAddOrOverride ??= new(StringComparer.Ordinal))[name] = value?.DeepClone();
        id.ClaimsToSuppress?.Remove(name);
        return this;
    }

    /// <summary>Removes a claim from the ID token.</summary>
    /// <exception cref="InvalidOperationException">The event is machine-to-machine (no ID token).</exception>
    public PreTokenGenerationBuilder SuppressIdTokenClaim(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        RequireIdToken();
        if (_evt.VersionNumber == 1)
        {
            var v1 = V1();
            v1.ClaimsToAddOrOverride?.Remove(name);
            AddOnce(v1.ClaimsToSuppress ??= [], name);
            return this;
        }

        var id = V2().IdTokenGeneration ??= new();
        id.ClaimsToAddOrOverride?.Remove(name);
        AddOnce(id.ClaimsToSuppress ??= [], name);
        return this;
    }

    /// <summary>Adds or overrides a string claim in the access token (versions 2 and 3).</summary>
    /// <exception cref="InvalidOperationException">The event is version 1.</exception>
    public PreTokenGenerationBuilder AddOrOverrideAccessTokenClaim(string name, string value)
        => AddOrOverrideAccessTokenClaim(name, JsonValue.Create(value));

    /// <summary>Adds or overrides a claim in the access token (versions 2 and 3); any JSON value.</summary>
    /// <exception cref="InvalidOperationException">The event is version 1.</exception>
    public PreTokenGenerationBuilder AddOrOverrideAccessTokenClaim(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var access = Access();
        (access.ClaimsToAddOrOverride ??= new(StringComparer.Ordinal))[name] = value?.DeepClone();
        access.ClaimsToSuppress?.Remove(name);
        return this;
    }

    /// <summary>Removes a claim from the access token (versions 2 and 3).</summary>
    /// <exception cref="InvalidOperationException">The event is version 1.</exception>
    public PreTokenGenerationBuilder SuppressAccessTokenClaim(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var access = Access();
        access.ClaimsToAddOrOverride?.Remove(name);
        AddOnce(access.ClaimsToSuppress ??= [], name);
        return this;
    }

    /// <summary>Adds a scope to the access token (versions 2 and 3).</summary>
    /// <exception cref="InvalidOperationException">The event is version 1.</exception>
    public PreTokenGenerationBuilder AddScope(string scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var access = Access();
        access.ScopesToSuppress?.Remove(scope);
        AddOnce(access.ScopesToAdd ??= [], scope);
        return this;
    }

    /// <summary>Removes a scope from the access token (versions 2 and 3).</summary>
    /// <exception cref="InvalidOperationException">The event is version 1.</exception>
    public PreTokenGenerationBuilder SuppressScope(string scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var access = Access();
        access.ScopesToAdd?.Remove(scope);
        AddOnce(access.ScopesToSuppress ??= [], scope);
        return this;
    }

    /// <summary>Writes these groups (and optionally IAM roles and a preferred role) instead of the user's.</summary>
    /// <exception cref="InvalidOperationException">The event is machine-to-machine (no user, no groups).</exception>
    public PreTokenGenerationBuilder OverrideGroups(IEnumerable<string> groups, IEnumerable<string>? iamRoles = null, string? preferredRole = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (_evt.IsMachineToMachine)
        {
            throw new InvalidOperationException("A machine-to-machine (TokenGeneration_ClientCredentials) token has no user, so it has no groups to override.");
        }

        var details = new TokenGroupConfiguration { GroupsToOverride = [.. groups], IamRolesToOverride = iamRoles is null ? null : [.. iamRoles], PreferredRole = preferredRole };
        if (_evt.VersionNumber == 1)
        {
            V1().GroupOverrideDetails = details;
        }
        else
        {
            V2().GroupOverrideDetails = details;
        }

        return this;
    }

    private void RequireIdToken()
    {
        if (_evt.IsMachineToMachine)
        {
            throw new InvalidOperationException("A machine-to-machine (TokenGeneration_ClientCredentials) request gets no ID token; change the access token instead.");
        }
    }

    private TokenClaimsGeneration Access()
    {
        if (_evt.VersionNumber == 1)
        {
            throw new InvalidOperationException("Access token claims and scopes need the V2_0 or V3_0 pre token generation trigger; this event is version 1 (ID token only).");
        }

        return V2().AccessTokenGeneration ??= new();
    }

    private ClaimsOverrideDetails V1() => _evt.Response.ClaimsOverrideDetails ??= new();

    private ClaimsAndScopeOverrideDetails V2() => _evt.Response.ClaimsAndScopeOverrideDetails ??= new();

    private static void AddOnce(IList<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
