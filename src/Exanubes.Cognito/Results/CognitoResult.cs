using System.Diagnostics.CodeAnalysis;

namespace Exanubes.Cognito;

/// <summary>
/// The outcome of a Cognito user-pool action that returns no data: success, or the <see cref="CognitoError"/> Cognito
/// returned. Expected outcomes (wrong code, user exists, not authorized) are results, not exceptions.
/// </summary>
public sealed class CognitoResult
{
    private static readonly CognitoResult SuccessResult = new(null);

    private CognitoResult(CognitoError? error) => Error = error;

    /// <summary>A successful result.</summary>
    public static CognitoResult Success => SuccessResult;

    /// <summary>Whether Cognito accepted the request.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The error when <see cref="Succeeded"/> is false; otherwise <see langword="null"/>.</summary>
    public CognitoError? Error { get; }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static CognitoResult Failure(CognitoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new CognitoResult(error);
    }

    /// <summary>Throws when the action failed, for callers who prefer exceptions.</summary>
    /// <exception cref="CognitoException">The action failed; the exception carries <see cref="Error"/>.</exception>
    public void EnsureSuccess()
    {
        if (Error is not null)
        {
            throw new CognitoException(Error);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Succeeded" : $"Failed: {Error}";
}
