using System.Net;
using System.Text;
using System.Text.Json;

namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// A loopback stand-in for AWS KMS that speaks the real KMS JSON 1.1 protocol (<c>POST /</c>,
/// <c>X-Amz-Target: TrentService.Decrypt</c>, <c>application/x-amz-json-1.1</c>) for just <c>Decrypt</c>, so a real
/// AWSSDK KMS client in another process (the AOT or JIT sender) decrypts over HTTP. Each known encrypted data key maps to
/// its data key under one key ARN; anything else answers <c>InvalidCiphertextException</c> as KMS does. It does not check
/// SigV4 signatures (loopback only, test keys only) but does require the Authorization header the SDK sends.
/// </summary>
public sealed class LoopbackKmsStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _keyArn;
    private readonly IReadOnlyList<(byte[] Encrypted, byte[] Plain)> _keys;
    private int _decrypts;

    /// <summary>Starts the stand-in on a free loopback port.</summary>
    /// <param name="keyArn">The key ARN every data key is under.</param>
    /// <param name="keys">Encrypted data key → data key pairs.</param>
    public LoopbackKmsStandIn(string keyArn, IReadOnlyList<(byte[] Encrypted, byte[] Plain)> keys)
    {
        _keyArn = keyArn;
        _keys = keys;
        Port = PeerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The endpoint for <c>ServiceURL</c> / <c>EmailSender__KmsServiceUrl</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>How many Decrypt calls succeeded.</summary>
    public int Decrypts => Volatile.Read(ref _decrypts);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
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
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = await DecryptAsync(context.Request).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private async Task<(int Status, string Body)> DecryptAsync(HttpListenerRequest request)
    {
        if (request.HttpMethod != "POST" || request.Headers["X-Amz-Target"] != "TrentService.Decrypt")
        {
            return (400, Error("UnknownOperationException", $"Only TrentService.Decrypt is served, not {request.Headers["X-Amz-Target"]}."));
        }

        if (string.IsNullOrEmpty(request.Headers["Authorization"]))
        {
            return (400, Error("MissingAuthenticationTokenException", "Missing Authentication Token"));
        }

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        using var json = JsonDocument.Parse(await reader.ReadToEndAsync().ConfigureAwait(false));
        var root = json.RootElement;
        var blob = Convert.FromBase64String(root.GetProperty("CiphertextBlob").GetString()!);
        var keyId = root.TryGetProperty("KeyId", out var k) ? k.GetString() : null;
        foreach (var (encrypted, plain) in _keys)
        {
            if (encrypted.AsSpan().SequenceEqual(blob) && (keyId is null || keyId == _keyArn))
            {
                Interlocked.Increment(ref _decrypts);
                return (200, JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["KeyId"] = _keyArn,
                    ["Plaintext"] = Convert.ToBase64String(plain),
                    ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
                }));
            }
        }

        return (400, Error("InvalidCiphertextException", "The ciphertext is invalid for this key."));
    }

    private static string Error(string type, string message)
        => JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message });
}
