using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Exanubes.Cognito.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// A lean client for the Cognito Identity Provider JSON 1.1 protocol: <c>POST /</c> with
/// <c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Action&gt;</c> and
/// <c>Content-Type: application/x-amz-json-1.1</c>. Every action goes through the one generic
/// <c>SendAsync</c> with its <see cref="CognitoAction{TRequest, TResponse}"/> descriptor;
/// signed actions are signed with SigV4. Cognito errors come back as failed <see cref="CognitoResult{T}"/>; transport failures and cancellation
/// throw.
/// </summary>
/// <remarks>
/// Uses the named <see cref="HttpClient"/> <see cref="HttpClientName"/> from <see cref="IHttpClientFactory"/>, whose
/// resilience handler retries only actions whose descriptor is <see cref="CognitoAction.Retryable"/>, and whose primary
/// handler never follows redirects (a redirect would carry the body, with passwords or tokens, to another address).
/// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html"/>.
/// </remarks>
internal sealed class CognitoIdentityProviderClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Cognito.</summary>
    public const string HttpClientName = "Exanubes.Cognito.IdentityProvider";

    /// <summary>Marks a request whose action may be retried (see <see cref="CognitoAction.Retryable"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetryableOption = new("Exanubes.Cognito.Retryable");

    /// <summary>The action of a request, for retry logs.</summary>
    public static readonly HttpRequestOptionsKey<string> ActionOption = new("Exanubes.Cognito.Action");

    /// <summary>
    /// The longest response body read (1 MiB; Cognito's answers are a few kilobytes). A longer body is not read further
    /// and comes back as the error type <c>ResponseTooLarge</c>.
    /// </summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new(CognitoProtocol.ContentType);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly CognitoRequestSigner _signer;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public CognitoIdentityProviderClient(
        IHttpClientFactory httpClientFactory,
        IOptions<CognitoAuthOptions> options,
        CognitoRequestSigner signer,
        ILogger<CognitoIdentityProviderClient> logger,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _signer = signer;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>The endpoint in use.</summary>
    public Uri Endpoint => ResolveEndpoint(_options.Value);

    /// <summary>
    /// The endpoint for the options: <see cref="CognitoAuthOptions.ServiceUrl"/> when set (plain http allowed only
    /// there), else the pool's regional endpoint derived from the parsed user pool id (<see cref="CognitoAuthOptions.UserPool"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No endpoint can be derived, or a derived endpoint is not https.</exception>
    internal static Uri ResolveEndpoint(CognitoAuthOptions options)
    {
        if (options.ServiceUrl is { } explicitUrl)
        {
            return explicitUrl;
        }

        var endpoint = options.ResolvedServiceUrl ?? throw new InvalidOperationException(
            "Cognito:UserPoolId must be a user pool id so the Cognito endpoint https://cognito-idp.<region>.<dns-suffix>/ can be derived.");
        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Refusing the non-https Cognito endpoint '{endpoint}': plain http is allowed only through an explicit Cognito:ServiceUrl.");
        }

        return endpoint;
    }

    /// <summary>Serializes a request body as the AWS JS SDK does: raw UTF-8, escaping only what <c>JSON.stringify</c> escapes (see <see cref="CognitoJsonEncoder"/>).</summary>
    internal static byte[] SerializeRequest<TRequest>(TRequest request, JsonTypeInfo<TRequest> requestInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CognitoJsonEncoder.Instance }))
        {
            JsonSerializer.Serialize(writer, request, requestInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Sends one Cognito action with the caller's end-user context: writes the context members the action's request
    /// accepts (<see cref="CognitoCallContextWriter"/>), then sends it as <see cref="SendAsync{TRequest, TResponse}(CognitoAction{TRequest, TResponse}, TRequest, CancellationToken)"/> does.
    /// </summary>
    /// <typeparam name="TRequest">The action's request shape.</typeparam>
    /// <typeparam name="TResponse">The action's response shape.</typeparam>
    /// <param name="action">The action's descriptor (the static <c>Action</c> of its request type).</param>
    /// <param name="request">The request.</param>
    /// <param name="context">The caller's context; <see langword="null"/> sends none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or Cognito's error.</returns>
    /// <exception cref="ArgumentException">The context cannot be written into this request (see <see cref="CognitoCallContextWriter.Apply"/>).</exception>
    public Task<CognitoResult<TResponse>> SendAsync<TRequest, TResponse>(
        CognitoAction<TRequest, TResponse> action,
        TRequest request,
        CognitoCallContext? context,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        CognitoCallContextWriter.Apply(request, context);
        return SendAsync(action, request, cancellationToken);
    }

    /// <summary>
    /// Sends one Cognito action: serializes <paramref name="request"/> as the JS SDK does, signs it when the action is
    /// signed, marks it retryable when the action is safe to retry, and reads the answer as the action's response or a
    /// typed <see cref="CognitoError"/>.
    /// </summary>
    /// <typeparam name="TRequest">The action's request shape.</typeparam>
    /// <typeparam name="TResponse">The action's response shape.</typeparam>
    /// <param name="action">The action's descriptor (the static <c>Action</c> of its request type).</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or Cognito's error.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="HttpRequestException">Cognito could not be reached.</exception>
    /// <exception cref="OperationCanceledException">The call was cancelled or timed out.</exception>
    public async Task<CognitoResult<TResponse>> SendAsync<TRequest, TResponse>(
        CognitoAction<TRequest, TResponse> action,
        TRequest request,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, new()
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.Value;
        var endpoint = ResolveEndpoint(options);
        var requestBody = SerializeRequest(request, action.RequestInfo);
        var target = action.Target;

        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        message.Content = new ByteArrayContent(requestBody);
        message.Content.Headers.ContentType = JsonContentType;
        message.Options.Set(ActionOption, action.Name);
        message.Options.Set(RetryableOption, action.Retryable);

        if (action.Signed)
        {
            // cognito-local ids ('local_...') have no AWS region; any region signs for an emulator that ignores signatures.
            var region = options.UserPool is { IsLocal: false } pool ? pool.Region : "us-east-1";
            Log.SigningAction(_logger, action.Name, region);
            var toSign = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Amz-Target"] = target,
                ["Content-Type"] = CognitoProtocol.ContentType,
            };
            var signedHeaders = await _signer.SignAsync(endpoint, region, toSign, requestBody, cancellationToken).ConfigureAwait(false);
            foreach (var (name, value) in signedHeaders)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        Log.CallingAction(_logger, action.Name, endpoint);
        var started = _timeProvider.GetTimestamp();
        using var activity = CognitoInstrumentation.StartAction(action.Name);
        HttpResponseMessage response;
        CognitoResponseBody body;
        try
        {
            var client = _httpClientFactory.CreateClient(options.HttpClientName);
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                body = await ReadBodyAsync(response, client.Timeout, action.Name, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception ex)
        {
            var outcome = ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? CognitoInstrumentation.Cancelled : CognitoInstrumentation.Exception;
            CognitoInstrumentation.EndAction(activity, action.Name, outcome, ex.GetType().Name, _timeProvider.GetElapsedTime(started));
            throw;
        }

        using var disposeResponse = response;
        var content = body.Bytes;
        var took = _timeProvider.GetElapsedTime(started);
        var elapsed = (long)took.TotalMilliseconds;

        if (body.TooLarge)
        {
            Log.ResponseTooLarge(_logger, action.Name, (int)response.StatusCode, MaxResponseBytes);
            return Failed<TResponse>(activity, action.Name, took, new CognitoError(
                CognitoErrorCode.Unknown, "ResponseTooLarge", $"Cognito answered with a body longer than {MaxResponseBytes} bytes.", response.StatusCode));
        }

        if (response.IsSuccessStatusCode)
        {
            try
            {
                var value = content.Length == 0 ? new TResponse() : JsonSerializer.Deserialize(content, action.ResponseInfo) ?? new TResponse();
                Log.ActionSucceeded(_logger, action.Name, (int)response.StatusCode, elapsed);
                CognitoInstrumentation.EndAction(activity, action.Name, CognitoInstrumentation.Success, null, took);
                return CognitoResult<TResponse>.Success(value);
            }
            catch (JsonException ex)
            {
                Log.UnreadableResponse(_logger, action.Name, (int)response.StatusCode, ex);
                return Failed<TResponse>(activity, action.Name, took, new CognitoError(
                    CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered with a body that is not the expected JSON.", response.StatusCode));
            }
        }

        var error = CognitoErrorMapper.FromResponse(response.StatusCode, content, ErrorTypeHeader(response));
        Log.ActionFailed(_logger, action.Name, error.Type, (int)response.StatusCode, elapsed);
        return Failed<TResponse>(activity, action.Name, took, error);
    }

    private static CognitoResult<TResponse> Failed<TResponse>(Activity? activity, string action, TimeSpan took, CognitoError error)
        where TResponse : class, new()
    {
        CognitoInstrumentation.EndAction(activity, action, CognitoInstrumentation.Error, CognitoInstrumentation.ErrorCode(error), took);
        return CognitoResult<TResponse>.Failure(error);
    }

    /// <summary>
    /// Reads the body within <paramref name="timeout"/> (the client's <see cref="HttpClient.Timeout"/>, which covers only
    /// the headers when they are read first), so a server that stalls mid-body cannot hold the call forever.
    /// </summary>
    private async Task<CognitoResponseBody> ReadBodyAsync(HttpResponseMessage response, TimeSpan timeout, string action, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await CognitoResponseBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await CognitoResponseBody.ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timer.IsCancellationRequested)
        {
            throw new TaskCanceledException(
                $"Cognito {action} did not finish its answer within the HttpClient.Timeout of {timeout.TotalSeconds} seconds.", new TimeoutException(ex.Message, ex));
        }
    }

    internal static string? ErrorTypeHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
}
