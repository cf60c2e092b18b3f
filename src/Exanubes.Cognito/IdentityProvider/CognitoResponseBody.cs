namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Reads a Cognito response body at most <see cref="CognitoIdentityProviderClient.MaxResponseBytes"/> long, once: the
/// bytes read replace the response's content, so the retry predicate and the client share one bounded read.
/// </summary>
/// <remarks>
/// Cognito's answers are a few kilobytes; a body past the bound (a misrouted endpoint, a hostile proxy) is not read
/// further and is reported as too large instead of being buffered whole.
/// </remarks>
internal sealed class CognitoResponseBody : ByteArrayContent
{
    private CognitoResponseBody(byte[] bytes, bool tooLarge)
        : base(bytes)
    {
        Bytes = bytes;
        TooLarge = tooLarge;
    }

    /// <summary>The body, empty when <see cref="TooLarge"/>.</summary>
    public byte[] Bytes { get; }

    /// <summary>Whether the body exceeded the bound.</summary>
    public bool TooLarge { get; }

    /// <summary>Reads the body of <paramref name="response"/> (once; later calls return the same read).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HttpRequestException">The connection failed while reading.</exception>
    public static async Task<CognitoResponseBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is CognitoResponseBody read)
        {
            return read;
        }

        var original = response.Content;
        var body = await ReadBoundedAsync(original, CognitoIdentityProviderClient.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        var replacement = body is null ? new CognitoResponseBody([], tooLarge: true) : new CognitoResponseBody(body, tooLarge: false);
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = replacement;
        original.Dispose();
        return replacement;
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int count;
            while ((count = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + count > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, count);
            }

            return buffer.ToArray();
        }
    }
}
