using System.Diagnostics.CodeAnalysis;

namespace Exanubes.Cognito.Tokens;

/// <summary>The outcome of <see cref="ICognitoTokenValidator.TryValidateAsync"/>: the validated token or the failure.</summary>
public sealed class CognitoTokenValidationResult
{
    private CognitoTokenValidationResult(CognitoValidatedToken? token, CognitoTokenValidationException? error)
    {
        Token = token;
        Error = error;
    }

    /// <summary>Whether the token passed every check; then <see cref="Token"/> is set, otherwise <see cref="Error"/>.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Token is not null;

    /// <summary>The validated token, or <see langword="null"/> when invalid.</summary>
    public CognitoValidatedToken? Token { get; }

    /// <summary>Why the token is invalid (never containing the token), or <see langword="null"/> when valid.</summary>
    public CognitoTokenValidationException? Error { get; }

    /// <summary>Returns the validated token, or throws <see cref="Error"/>.</summary>
    /// <returns>The validated token.</returns>
    /// <exception cref="CognitoTokenValidationException">The token is invalid.</exception>
    public CognitoValidatedToken GetTokenOrThrow() => Token ?? throw Error!;

    internal static CognitoTokenValidationResult Success(CognitoValidatedToken token) => new(token, null);

    internal static CognitoTokenValidationResult Failure(CognitoTokenValidationException error) => new(null, error);
}
