using System.Globalization;
using System.Security.Claims;

namespace Exanubes.Cognito.Sample.WebApp.Auth;

/// <summary>What the demo shows of a validated Cognito token: the claims a person recognises.</summary>
internal sealed record TokenClaims(string Subject, string Username, IReadOnlyList<string> Groups, string TokenUse, DateTimeOffset? ExpiresAt, string? ClientId)
{
    public static TokenClaims From(ClaimsPrincipal user)
    {
        string? Find(params string[] types) => types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var exp = Find("exp");
        return new TokenClaims(
            Find("sub", ClaimTypes.NameIdentifier) ?? string.Empty,
            Find("username", "cognito:username", ClaimTypes.Name) ?? string.Empty,
            user.FindAll("cognito:groups").Select(c => c.Value).ToArray(),
            Find("token_use") ?? string.Empty,
            long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Find("client_id", "aud"));
    }
}
