using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// A loopback Lambda Invoke endpoint (<c>POST /2015-03-31/functions/{name}/invocations</c>), the API the AWS SDK's Lambda
/// client calls: runs the named function on the payload; a thrown exception is a function error
/// (<c>X-Amz-Function-Error: Unhandled</c>), as Lambda reports it.
/// </summary>
public sealed class LambdaInvokeEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port = PeerProcess.FreePort();

    public ConcurrentDictionary<string, Func<byte[], Task<byte[]>>> Functions { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<JsonNode> Events { get; } = new();

    public string Url => $"http://127.0.0.1:{_port}";

    /// <summary>Runs a class-library stream handler (<c>Task&lt;Stream&gt; HandleAsync(Stream)</c>) on a payload.</summary>
    public static async Task<byte[]> RunStreamHandlerAsync(Func<Stream, Task<Stream>> handler, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var input = new MemoryStream(payload);
        await using var output = await handler(input);
        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);
        return copy.ToArray();
    }

    public void Start()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var segments = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var payload = body.ToArray();
        byte[] answer;
        if (context.Request.HttpMethod != "POST" || segments.Length != 4 || segments[3] != "invocations" || !Functions.TryGetValue(Uri.UnescapeDataString(segments[2]), out var function))
        {
            context.Response.StatusCode = 404;
            answer = """{"Type":"User","message":"Function not found"}"""u8.ToArray();
        }
        else
        {
            Events.Enqueue(JsonNode.Parse(payload)!);
            try
            {
                answer = await function(payload);
            }
            catch (Exception ex)
            {
                context.Response.AddHeader("X-Amz-Function-Error", "Unhandled");
                answer = Encoding.UTF8.GetBytes(new JsonObject { ["errorMessage"] = ex.Message, ["errorType"] = ex.GetType().Name }.ToJsonString());
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }
}
