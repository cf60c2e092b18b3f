using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// The retry strategy of the Cognito <see cref="HttpClient"/>: exponential backoff with jitter on throttling
/// (<c>TooManyRequestsException</c>, <c>ThrottlingException</c>, HTTP 429), 5xx and transport failures, and only for
/// requests marked retryable (<see cref="CognitoAction.Retryable"/>), so a retry can never double an action.
/// </summary>
internal static class CognitoRetryPolicy
{
    private static readonly HashSet<string> ThrottlingTypes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException",
        "ThrottlingException",
        "Throttling",
    };

    public static HttpRetryStrategyOptions Create(CognitoAuthOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = ShouldRetryAsync,
        OnRetry = args =>
        {
            var request = args.Context.GetRequestMessage();
            var action = request is not null && request.Options.TryGetValue(CognitoIdentityProviderClient.ActionOption, out var a) ? a : "unknown";
            var reason = args.Outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
            Log.RetryingAction(logger, action, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>Whether to retry: the request is retryable and the outcome is throttling, 5xx or a transport failure.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage() ?? args.Outcome.Result?.RequestMessage;
        if (request is null || !request.Options.TryGetValue(CognitoIdentityProviderClient.RetryableOption, out var retryable) || !retryable)
        {
            return false;
        }

        if (args.Outcome.Exception is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (HttpClientResiliencePredicates.IsTransient(args.Outcome))
        {
            return true;
        }

        if (args.Outcome.Result is { StatusCode: HttpStatusCode.BadRequest } response)
        {
            return ThrottlingTypes.Contains(await ErrorTypeAsync(response, args.Context.CancellationToken).ConfigureAwait(false));
        }

        return false;
    }

    private static async Task<string> ErrorTypeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await CognitoResponseBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return CognitoErrorMapper.FromResponse(response.StatusCode, body.Bytes, CognitoIdentityProviderClient.ErrorTypeHeader(response)).Type;
    }
}
