using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The HTTP calls of the Lambda Runtime API, version 2018-06-01: <c>next</c>, <c>response</c>, <c>error</c> and
/// <c>init/error</c>. See <see href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html"/>.
/// </summary>
internal sealed class LambdaRuntimeClient(HttpClient http, string runtimeApi)
{
    internal const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    internal const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    internal const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    internal const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    internal const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly string _base = $"http://{runtimeApi}/2018-06-01/runtime/";

    /// <summary>Waits (with no timeout: the environment may be frozen between invocations) for the next invocation.</summary>
    public async Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(_base + "invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LambdaRuntimeException($"The Lambda Runtime API answered invocation/next with {(int)response.StatusCode} {response.StatusCode}; the runtime exits so Lambda can replace it.");
        }

        var requestId = Header(response, RequestIdHeader);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new LambdaRuntimeException($"The Lambda Runtime API sent an invocation without the {RequestIdHeader} header.");
        }

        var deadline = long.TryParse(Header(response, DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaInvocation(requestId, deadline, Header(response, FunctionArnHeader), Header(response, TraceIdHeader), payload);
    }

    /// <summary>Posts the response; false when Lambda refused it (for example 413, too large), so the caller reports an error instead.</summary>
    public async Task<bool> RespondAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(_base + $"invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return true;
        }

        ThrowIfContainerError(response, "response");
        return false;
    }

    /// <summary>Reports a failed invocation.</summary>
    public Task ReportErrorAsync(string requestId, string errorType, Exception exception, CancellationToken cancellationToken)
        => PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", errorType, exception, cancellationToken);

    /// <summary>Reports that start-up failed.</summary>
    public Task ReportInitErrorAsync(string errorType, Exception exception, CancellationToken cancellationToken)
        => PostErrorAsync("init/error", errorType, exception, cancellationToken);

    /// <summary>The documented error body: <c>{"errorMessage": ..., "errorType": ..., "stackTrace": [...]}</c>.</summary>
    internal static byte[] ErrorBody(Exception exception)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", exception.Message);
            writer.WriteString("errorType", exception.GetType().FullName ?? exception.GetType().Name);
            writer.WriteStartArray("stackTrace");
            foreach (var line in (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task PostErrorAsync(string path, string errorType, Exception exception, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(ErrorBody(exception));
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + path) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        ThrowIfContainerError(response, path);
    }

    private static void ThrowIfContainerError(HttpResponseMessage response, string call)
    {
        if ((int)response.StatusCode >= 500)
        {
            throw new LambdaRuntimeException($"The Lambda Runtime API answered {call} with {(int)response.StatusCode} {response.StatusCode} (container error); the runtime exits.");
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
