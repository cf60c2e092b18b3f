using System.Collections.Specialized;
using System.Net;
using System.Text;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Support;

/// <summary>A loopback HTTP server standing in for the SendGrid API (and SES v2): records each request and answers with a set status and body.</summary>
public sealed class LoopbackSendGridServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<Recorded> _requests = [];

    public LoopbackSendGridServer(HttpStatusCode status = HttpStatusCode.Accepted, string body = "")
    {
        Status = status;
        Body = body;
        Port = PeerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    public HttpStatusCode Status { get; set; }

    public string Body { get; set; }

    /// <summary>Extra headers on every answer (for example SES's <c>x-amzn-ErrorType</c>).</summary>
    public Dictionary<string, string> ResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, chooses the status per request (for example by its Authorization header) instead of <see cref="Status"/>.</summary>
    public Func<Recorded, HttpStatusCode>? Respond { get; set; }

    public IReadOnlyList<Recorded> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var recorded = new Recorded(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, new NameValueCollection(context.Request.Headers), body);
            lock (_requests)
            {
                _requests.Add(recorded);
            }

            context.Response.StatusCode = (int)(Respond?.Invoke(recorded) ?? Status);
            foreach (var (name, value) in ResponseHeaders)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public sealed record Recorded(string Method, string Path, NameValueCollection Headers, string Body);
}
