using System.Net.Http.Headers;

namespace Exanubes.Cognito.Tokens;

/// <summary>Fetches a JWKS over HTTP with a timeout and a response size cap.</summary>
internal sealed class JwksClient
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used for JWKS fetches.</summary>
    public const string HttpClientName = "Exanubes.Cognito.Jwks";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly int _maxBytes;

    public JwksClient(IHttpClientFactory httpClientFactory, TimeProvider time, TimeSpan timeout, int maxBytes)
    {
        _httpClientFactory = httpClientFactory;
        _time = time;
        _timeout = timeout;
        _maxBytes = maxBytes;
    }

    /// <summary>Returns the JWKS bytes; throws <see cref="HttpRequestException"/>, <see cref="InvalidDataException"/> or <see cref="TimeoutException"/>.</summary>
    public async Task<ReadOnlyMemory<byte>> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The JWKS endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                throw new InvalidDataException($"The JWKS is {response.Content.Headers.ContentLength} bytes; at most {_maxBytes} are accepted.");
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[_maxBytes + 1];
                var total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(total), linked.Token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _maxBytes)
                    {
                        throw new InvalidDataException($"The JWKS is larger than {_maxBytes} bytes.");
                    }
                }

                return buffer.AsMemory(0, total);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The JWKS fetch did not complete within {_timeout.TotalSeconds:0.###} s.");
        }
    }
}
