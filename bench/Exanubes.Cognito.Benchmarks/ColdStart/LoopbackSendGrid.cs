using System.Net;

namespace Exanubes.Cognito.Benchmarks.ColdStart;

/// <summary>A loopback stand-in for SendGrid's v3 <c>mail/send</c>: reads each POST whole and answers 202, counting them.</summary>
internal sealed class LoopbackSendGrid : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _count;

    public LoopbackSendGrid()
    {
        Port = Exanubes.Cognito.TestSupport.PeerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    public int Count => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
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

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _count);
            context.Response.StatusCode = 202;
            context.Response.ContentLength64 = 0;   // no chunked terminator as a separate write (Nagle + delayed ACK)
            context.Response.Close();
        }
    }
}
