using System.Net;
using System.Text;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.Wire;

/// <summary>A request as it arrived on the wire: <see cref="Body"/> is <see cref="RawBody"/> decoded as UTF-8.</summary>
internal sealed record CapturedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, byte[] RawBody);

/// <summary>The canned answer the capture server gives to the next request.</summary>
internal sealed record CannedResponse(int Status, string Body, string? ErrorType = null, Uri? Location = null)
{
    public static CannedResponse EmptyOk { get; } = new(200, "{}");
}

/// <summary>
/// A loopback HTTP server (127.0.0.1, free port) that records each request and answers with a canned JSON 1.1
/// response: the test-side stand-in for Cognito in the wire comparison.
/// </summary>
internal sealed class LoopbackCaptureServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<CapturedRequest> _requests = [];
    private readonly Task _loop;

    public LoopbackCaptureServer()
    {
        var port = PeerProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>What the next request gets.</summary>
    public CannedResponse Next { get; set; } = CannedResponse.EmptyOk;

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

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends with the listener
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var raw = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(raw);
            var rawBody = raw.ToArray();
            var body = Encoding.UTF8.GetString(rawBody);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in context.Request.Headers.AllKeys)
            {
                if (key is not null)
                {
                    headers[key] = context.Request.Headers[key] ?? string.Empty;
                }
            }

            lock (_requests)
            {
                _requests.Add(new CapturedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, headers, body, rawBody));
            }

            var canned = Next;
            var bytes = Encoding.UTF8.GetBytes(canned.Body);
            context.Response.StatusCode = canned.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.Headers["x-amzn-RequestId"] = "capture-request-id";
            if (canned.ErrorType is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = canned.ErrorType;
            }

            if (canned.Location is not null)
            {
                context.Response.RedirectLocation = canned.Location.ToString();
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
