using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.Tests.IdentityProvider;

/// <summary>A request the wire client sent, captured by <see cref="FakeCognitoHandler"/>.</summary>
internal sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string Action => Headers.TryGetValue("X-Amz-Target", out var target) ? target.Split('.')[^1] : string.Empty;

    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>
/// The primary handler under the Cognito HttpClient in unit tests: records every request and answers from a script,
/// so no test reaches the network.
/// </summary>
internal sealed class FakeCognitoHandler : HttpMessageHandler
{
    private readonly Func<CapturedRequest, HttpResponseMessage> _respond;
    private readonly List<CapturedRequest> _requests = [];

    public FakeCognitoHandler(Func<CapturedRequest, HttpResponseMessage> respond) => _respond = respond;

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? errorTypeHeader = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
        if (errorTypeHeader is not null)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorTypeHeader);
        }

        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", Guid.NewGuid().ToString());
        return response;
    }

    public static HttpResponseMessage Fixture(string name, HttpStatusCode status = HttpStatusCode.OK) => Json(Fixtures.Read(name), status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(",", values);
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var captured = new CapturedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body);
        lock (_requests)
        {
            _requests.Add(captured);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var response = _respond(captured);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>Reads the JSON fixtures of real Cognito payloads in Fixtures/.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "IdentityProvider", "Fixtures", name));
}
