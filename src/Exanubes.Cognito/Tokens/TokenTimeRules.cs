namespace Exanubes.Cognito.Tokens;

/// <summary>
/// The Cognito time rules, with the configured clock skew: <c>exp</c>, <c>nbf</c>, <c>iat</c> and the user pool's
/// maximum authentication age (<c>auth_time</c>). A token's first sight checks them all; a validated-token cache hit
/// checks again those that change with the clock (everything but <c>iat</c>, which was not in the future then).
/// </summary>
internal sealed class TokenTimeRules(TimeProvider time, TimeSpan clockSkew)
{
    private readonly long _skewMs = (long)clockSkew.TotalMilliseconds;
    private readonly string _skewText = TokenText.Number((long)clockSkew.TotalSeconds);

    /// <summary>Every time rule, on a token's first sight.</summary>
    public void CheckFirstSight(long exp, long? nbf, long? iat, long? authTime, CognitoUserPool pool)
    {
        var now = NowMs();
        CheckTimes(exp, nbf, now);
        if (iat is { } issuedAt && (issuedAt * 1000) - _skewMs > now)
        {
            throw new CognitoTokenLifetimeException(
                $"The token was issued at {TokenText.Time(issuedAt)} (iat), in the future: it is now {TokenText.Time(now / 1000)} and the clock skew is {_skewText} s.",
                "iat not after " + TokenText.Time(now / 1000),
                TokenText.Time(issuedAt));
        }

        CheckAuthenticationAge(pool, authTime, now);
    }

    /// <summary>The rules that change with the clock, on a validated-token cache hit.</summary>
    public void CheckAgain(long exp, long? nbf, long? authTime, CognitoUserPool pool)
    {
        var now = NowMs();
        CheckTimes(exp, nbf, now);
        CheckAuthenticationAge(pool, authTime, now);
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private void CheckAuthenticationAge(CognitoUserPool pool, long? authTime, long nowMs)
    {
        if (pool.MaxAuthenticationAge is not { } maxAge)
        {
            return;
        }

        if (authTime is not { } signedIn)
        {
            throw new CognitoTokenLifetimeException("The token has no 'auth_time' claim; the user pool requires a recent sign-in.", "auth_time", null);
        }

        if (nowMs - (signedIn * 1000) > (long)maxAge.TotalMilliseconds + _skewMs)
        {
            throw new CognitoTokenLifetimeException(
                $"The user signed in at {TokenText.Time(signedIn)} (auth_time), more than {TokenText.Number((long)maxAge.TotalSeconds)} s ago; sign in again.",
                "auth_time after " + TokenText.Time((nowMs - (long)maxAge.TotalMilliseconds) / 1000),
                TokenText.Time(signedIn));
        }
    }

    private void CheckTimes(long exp, long? nbf, long nowMs)
    {
        if (nowMs >= (exp * 1000) + _skewMs)
        {
            throw new CognitoTokenExpiredException(
                $"The token expired at {TokenText.Time(exp)}; it is now {TokenText.Time(nowMs / 1000)} and the clock skew is {_skewText} s.",
                "exp after " + TokenText.Time((nowMs - _skewMs) / 1000),
                TokenText.Time(exp));
        }

        if (nbf is { } notBefore && (notBefore * 1000) - _skewMs > nowMs)
        {
            throw new CognitoTokenNotYetValidException(
                $"The token is not valid before {TokenText.Time(notBefore)} (nbf); it is now {TokenText.Time(nowMs / 1000)} and the clock skew is {_skewText} s.",
                "nbf not after " + TokenText.Time((nowMs + _skewMs) / 1000),
                TokenText.Time(notBefore));
        }
    }
}
