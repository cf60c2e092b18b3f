using System.Security.Cryptography;
using System.Text;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Cognito's SECRET_HASH: <c>Base64(HMAC-SHA256(key: client secret, message: user name + client id))</c>, sent by
/// every action that takes a user name when the app client has a secret.
/// </summary>
/// <remarks>
/// For a refresh, Cognito expects the user's internal user name (the <c>username</c> claim of the access token, the
/// sub when the pool signs in by alias), not the alias typed at sign-in.
/// See <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash"/>.
/// </remarks>
internal static class SecretHash
{
    /// <summary>Computes SECRET_HASH.</summary>
    /// <param name="username">The user name (UTF-8).</param>
    /// <param name="clientId">The app client id.</param>
    /// <param name="clientSecret">The app client secret (UTF-8 bytes are the HMAC key).</param>
    /// <returns>The Base64 hash.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Compute(string username, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        var key = Encoding.UTF8.GetBytes(clientSecret);
        var message = Encoding.UTF8.GetBytes(username + clientId);
        try
        {
            return Convert.ToBase64String(HMACSHA256.HashData(key, message));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>SECRET_HASH for <paramref name="username"/> when the app client has a secret; otherwise <see langword="null"/>.</summary>
    public static string? For(CognitoAuthOptions options, string username) =>
        options.ClientSecret is { } secret ? Compute(username, options.ClientId, secret) : null;

    /// <summary>Adds <c>SECRET_HASH</c> to <paramref name="parameters"/> when the app client has a secret.</summary>
    public static void AddTo(Dictionary<string, string> parameters, CognitoAuthOptions options, string username)
    {
        if (For(options, username) is { } hash)
        {
            parameters["SECRET_HASH"] = hash;
        }
    }
}
