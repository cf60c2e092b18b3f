using System.Diagnostics.CodeAnalysis;

namespace Exanubes.Cognito;

/// <summary>
/// The outcome of a Cognito user-pool action that returns data: the <see cref="Value"/> on success, or the
/// <see cref="CognitoError"/> Cognito returned.
/// </summary>
/// <typeparam name="T">The data returned on success.</typeparam>
public sealed class CognitoResult<T>
    where T : class
{
    private CognitoResult(T? value, CognitoError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Whether Cognito accepted the request.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The data when <see cref="Succeeded"/> is true; otherwise <see langword="null"/>.</summary>
    public T? Value { get; }

    /// <summary>The error when <see cref="Succeeded"/> is false; otherwise <see langword="null"/>.</summary>
    public CognitoError? Error { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The data.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
#pragma warning disable CA1000 // static factory on a generic result type is the clearest construction
    public static CognitoResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new CognitoResult<T>(value, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static CognitoResult<T> Failure(CognitoError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new CognitoResult<T>(null, error);
    }
#pragma warning restore CA1000

    /// <summary>Returns the data, or throws when the action failed, for callers who prefer exceptions.</summary>
    /// <returns>The data.</returns>
    /// <exception cref="CognitoException">The action failed; the exception carries <see cref="Error"/>.</exception>
    public T EnsureSuccess()
    {
        if (Error is not null)
        {
            throw new CognitoException(Error);
        }

        return Value!;
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Succeeded" : $"Failed: {Error}";
}
