using System.Net;
using System.Text;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>Plays a user pool's JWKS endpoint in memory: serves a document, fails on demand, counts requests.</summary>
internal sealed class FakeJwksHandler : HttpMessageHandler
{
    private int _requests;

    public string Jwks { get; set; } = TestKeys.PoolJwks();

    /// <summary>When set, picks the document by request address (several pools).</summary>
    public Func<Uri, string>? JwksByUri { get; set; }

    /// <summary>When set, the endpoint answers with this status instead of the JWKS.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public List<Uri> RequestedUris { get; } = [];

    /// <summary>When set, every response waits for this task (a slow or hanging endpoint).</summary>
    public Task? Hold { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (RequestedUris)
        {
            RequestedUris.Add(request.RequestUri!);
        }

        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        if (FailWith is { } status)
        {
            return new HttpResponseMessage(status);
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JwksByUri?.Invoke(request.RequestUri!) ?? Jwks, Encoding.UTF8, "application/json"),
        };
    }
}
