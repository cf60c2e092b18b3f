using System.Diagnostics;
using System.Diagnostics.Metrics;
using Exanubes.Cognito.Tokens;

namespace Exanubes.Cognito.Telemetry;

/// <summary>
/// The package's one <see cref="ActivitySource"/>, one <see cref="Meter"/> and its instruments, created once. Callers
/// check <c>Enabled</c> before building tags, so nothing is computed or allocated when nobody listens.
/// </summary>
internal static class CognitoInstrumentation
{
    private static readonly string? Version = typeof(CognitoInstrumentation).Assembly.GetName().Version?.ToString(3);

    public static readonly ActivitySource Source = new(CognitoTelemetry.SourceName, Version);

    public static readonly Meter Meter = new(CognitoTelemetry.SourceName, Version);

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        CognitoTelemetry.CallDuration, "s", "Duration of one Cognito user-pool action, retries included.");

    public static readonly Counter<long> TokenValidations = Meter.CreateCounter<long>(
        CognitoTelemetry.TokenValidations, "{token}", "Tokens validated, by token use and outcome.");

    public static readonly Counter<long> JwksFetches = Meter.CreateCounter<long>(
        CognitoTelemetry.JwksFetches, "{fetch}", "JWKS fetches, by outcome.");

    public static readonly Counter<long> JwksFetchFailures = Meter.CreateCounter<long>(
        CognitoTelemetry.JwksFetchFailures, "{fetch}", "JWKS fetches that failed, by error type.");

    /// <summary>The outcome tag values of an action.</summary>
    public const string Success = "success";
    public const string Error = "error";
    public const string Exception = "exception";
    public const string Cancelled = "cancelled";

    /// <summary>
    /// Cognito's error type as a tag value: the type when the library knows it, else <c>Unknown</c> unless it is a short
    /// plain name, so a misbehaving endpoint cannot blow up metric cardinality or smuggle text into tags.
    /// </summary>
    public static string ErrorCode(CognitoError error)
    {
        if (error.Code != CognitoErrorCode.Unknown)
        {
            return error.Type;
        }

        var type = error.Type;
        if (type.Length is 0 or > 64)
        {
            return "Unknown";
        }

        foreach (var c in type)
        {
            if (!char.IsAsciiLetter(c))
            {
                return "Unknown";
            }
        }

        return type;
    }

    /// <summary>Starts the client span of one Cognito action, or returns <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartAction(string action)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("Cognito " + action, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "CognitoIdentityProvider");
            activity.SetTag("rpc.method", action);
            activity.SetTag(CognitoTelemetry.ActionTag, action);
        }

        return activity;
    }

    /// <summary>Records the end of one action on its span and in <see cref="CallDuration"/>.</summary>
    public static void EndAction(Activity? activity, string action, string outcome, string? errorCode, TimeSpan elapsed)
    {
        if (activity is not null)
        {
            activity.SetTag(CognitoTelemetry.OutcomeTag, outcome);
            if (errorCode is not null)
            {
                activity.SetTag(CognitoTelemetry.ErrorCodeTag, errorCode);
                activity.SetStatus(ActivityStatusCode.Error, errorCode);
            }
        }

        if (CallDuration.Enabled)
        {
            var tags = new TagList
            {
                { CognitoTelemetry.ActionTag, action },
                { CognitoTelemetry.OutcomeTag, outcome },
            };
            if (errorCode is not null)
            {
                tags.Add(CognitoTelemetry.ErrorCodeTag, errorCode);
            }

            CallDuration.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>Counts one token validation.</summary>
    public static void TokenValidated(CognitoTokenUse tokenUse, string outcome)
    {
        if (TokenValidations.Enabled)
        {
            TokenValidations.Add(1, new TagList
            {
                { CognitoTelemetry.TokenUseTag, tokenUse == CognitoTokenUse.Access ? "access" : "id" },
                { CognitoTelemetry.OutcomeTag, outcome },
            });
        }
    }

    /// <summary>The outcome tag of a rejected token: the check that failed, a short fixed word.</summary>
    public static string Outcome(CognitoTokenValidationException exception) => exception switch
    {
        CognitoTokenExpiredException => "expired",
        CognitoTokenNotYetValidException => "not_yet_valid",
        CognitoTokenLifetimeException => "lifetime",
        CognitoTokenSignatureException => "signature",
        CognitoTokenIssuerException => "issuer",
        CognitoTokenClientException => "client",
        CognitoTokenUseException => "token_use",
        CognitoTokenAlgorithmException => "algorithm",
        CognitoSigningKeyNotFoundException => "key_not_found",
        CognitoSigningKeyException => "signing_key",
        CognitoTokenMalformedException => "malformed",
        CognitoTokenRevokedException => "revoked",
        CognitoTokenGroupException => "group",
        CognitoTokenScopeException => "scope",
        _ => "invalid",
    };

    /// <summary>Counts one JWKS fetch; <paramref name="errorType"/> is set on failure.</summary>
    public static void JwksFetched(string? errorType)
    {
        if (JwksFetches.Enabled)
        {
            JwksFetches.Add(1, new KeyValuePair<string, object?>(CognitoTelemetry.OutcomeTag, errorType is null ? Success : "failure"));
        }

        if (errorType is not null && JwksFetchFailures.Enabled)
        {
            JwksFetchFailures.Add(1, new KeyValuePair<string, object?>(CognitoTelemetry.ErrorTypeTag, errorType));
        }
    }
}
