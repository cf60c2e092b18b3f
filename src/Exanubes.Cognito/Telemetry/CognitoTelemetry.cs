namespace Exanubes.Cognito;

/// <summary>
/// The names under which <c>Exanubes.Cognito</c> reports traces and metrics through <c>System.Diagnostics</c>: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <see cref="SourceName"/>. Nothing is recorded unless a listener (the OpenTelemetry SDK, <c>dotnet-counters</c>, a
/// <see cref="System.Diagnostics.Metrics.MeterListener"/>) subscribes to that name.
/// </summary>
/// <remarks>
/// With OpenTelemetry: <c>AddOpenTelemetry().WithTracing(t =&gt; t.AddSource(CognitoTelemetry.SourceName)).WithMetrics(m =&gt;
/// m.AddMeter(CognitoTelemetry.SourceName))</c>. No span attribute or metric tag ever carries a user name, password,
/// code, token, session or client secret: tags hold only the action name, the outcome, Cognito's error code, the token
/// use and the failed check.
/// </remarks>
public static class CognitoTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Exanubes.Cognito</c>.</summary>
    public const string SourceName = "Exanubes.Cognito";

    /// <summary>
    /// Histogram, seconds: the duration of one Cognito action, from send to the answer read (retries included). Tags
    /// <see cref="ActionTag"/>, <see cref="OutcomeTag"/>, <see cref="ErrorCodeTag"/> (on failures).
    /// </summary>
    public const string CallDuration = "exanubes.cognito.call.duration";

    /// <summary>
    /// Counter: tokens validated, valid or rejected. Tags <see cref="TokenUseTag"/> (<c>access</c>, <c>id</c>) and
    /// <see cref="OutcomeTag"/> (<c>valid</c>, or the failed check: <c>expired</c>, <c>signature</c>, <c>issuer</c>, ...).
    /// </summary>
    public const string TokenValidations = "exanubes.cognito.token.validations";

    /// <summary>Counter: JWKS fetches started. Tag <see cref="OutcomeTag"/>: <c>success</c> or <c>failure</c>.</summary>
    public const string JwksFetches = "exanubes.cognito.jwks.fetches";

    /// <summary>Counter: JWKS fetches that failed (the last good keys stay in use). Tag <see cref="ErrorTypeTag"/>.</summary>
    public const string JwksFetchFailures = "exanubes.cognito.jwks.fetch_failures";

    /// <summary>The span name of a Cognito action is <c>Cognito {Action}</c>; this tag holds the action, for example <c>SignUp</c>.</summary>
    public const string ActionTag = "cognito.action";

    /// <summary>
    /// The outcome: for an action <c>success</c>, <c>error</c> (Cognito answered with an error), <c>exception</c>
    /// (transport failure) or <c>cancelled</c>; for a token validation <c>valid</c> or the failed check.
    /// </summary>
    public const string OutcomeTag = "cognito.outcome";

    /// <summary>Cognito's error code for a failed action, for example <c>CodeMismatchException</c>.</summary>
    public const string ErrorCodeTag = "cognito.error_code";

    /// <summary>The use of a validated token: <c>access</c> or <c>id</c>.</summary>
    public const string TokenUseTag = "cognito.token_use";

    /// <summary>The exception type of a failed JWKS fetch or of an action that threw.</summary>
    public const string ErrorTypeTag = "error.type";
}
