using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Kms;

/// <summary>
/// A local stand-in for AWS KMS speaking just enough of its JSON 1.1 protocol (<c>X-Amz-Target:
/// TrentService.GenerateDataKey | Encrypt | Decrypt</c>) for cognito-local's aws-sdk v2 client (through the JavaScript
/// Encryption SDK) and for the .NET KMS client behind our keyring. Data keys are wrapped with AES-256-GCM under one
/// local master key kept in the state folder, bound to the key ARN and the encryption context like KMS does.
/// Requests are not authenticated: it listens on loopback only and holds demo keys.
/// </summary>
public sealed class KmsStandIn : IAsyncDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";
    private static readonly byte[] Magic = "EXKMS1"u8.ToArray();

    private readonly byte[] _masterKey;
    private readonly WebApplication _app;

    private KmsStandIn(string keyArn, string aliasArn, byte[] masterKey, WebApplication app)
    {
        KeyArn = keyArn;
        AliasArn = aliasArn;
        _masterKey = masterKey;
        _app = app;
    }

    /// <summary>The one key's ARN, returned as <c>KeyId</c> by every operation.</summary>
    public string KeyArn { get; }

    /// <summary>An alias ARN naming the same key (cognito-local uses it as the generator key).</summary>
    public string AliasArn { get; }

    /// <summary>The endpoint to give KMS clients as ServiceURL / endpoint.</summary>
    public Uri Url => new(_app.Urls.First().TrimEnd('/') + "/");

    /// <summary>Starts the stand-in on 127.0.0.1:<paramref name="port"/> (0 = any free port) with its key in <paramref name="stateDirectory"/>.</summary>
    public static async Task<KmsStandIn> StartAsync(string stateDirectory, int port, string region, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(stateDirectory);
        var (keyId, masterKey) = LoadOrCreateKey(Path.Combine(stateDirectory, "kms-key.json"));
        var keyArn = $"arn:aws:kms:{region}:000000000000:key/{keyId}";
        var aliasArn = $"arn:aws:kms:{region}:000000000000:alias/exanubes-demo";

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var standIn = new KmsStandIn(keyArn, aliasArn, masterKey, app);
        var logger = loggerFactory.CreateLogger<KmsStandIn>();
        app.MapPost("/", standIn.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.KmsListening(logger, standIn.Url, keyArn);
        return standIn;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        JsonObject request;
        try
        {
            request = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false))?.AsObject() ?? [];
        }
        catch (JsonException)
        {
            await ErrorAsync(context, "SerializationException", "The request body is not JSON.").ConfigureAwait(false);
            return;
        }

        JsonObject? response = target switch
        {
            "TrentService.GenerateDataKey" => GenerateDataKey(request),
            "TrentService.Encrypt" => Encrypt(request),
            "TrentService.Decrypt" => Decrypt(request),
            _ => null,
        };

        if (response is null)
        {
            await ErrorAsync(context, target.StartsWith("TrentService.", StringComparison.Ordinal) ? "UnsupportedOperationException" : "UnknownOperationException", $"'{target}' is not supported by the local KMS stand-in.").ConfigureAwait(false);
            return;
        }

        if (response["__type"] is not null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, response).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private JsonObject GenerateDataKey(JsonObject request)
    {
        if (!KnowsKey(request["KeyId"]?.GetValue<string>()))
        {
            return NotFound(request["KeyId"]?.GetValue<string>());
        }

        var length = request["NumberOfBytes"]?.GetValue<int>()
            ?? (request["KeySpec"]?.GetValue<string>() == "AES_128" ? 16 : 32);
        if (length is < 1 or > 1024)
        {
            return Error("ValidationException", "NumberOfBytes must be between 1 and 1024.");
        }

        var plaintext = RandomNumberGenerator.GetBytes(length);
        return new JsonObject
        {
            ["KeyId"] = KeyArn,
            ["Plaintext"] = Convert.ToBase64String(plaintext),
            ["CiphertextBlob"] = Convert.ToBase64String(Wrap(plaintext, Context(request))),
        };
    }

    private JsonObject Encrypt(JsonObject request)
    {
        if (!KnowsKey(request["KeyId"]?.GetValue<string>()))
        {
            return NotFound(request["KeyId"]?.GetValue<string>());
        }

        var plaintext = Convert.FromBase64String(request["Plaintext"]?.GetValue<string>() ?? string.Empty);
        return new JsonObject
        {
            ["KeyId"] = KeyArn,
            ["CiphertextBlob"] = Convert.ToBase64String(Wrap(plaintext, Context(request))),
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private JsonObject Decrypt(JsonObject request)
    {
        var keyId = request["KeyId"]?.GetValue<string>();
        if (keyId is not null && !KnowsKey(keyId))
        {
            return Error("IncorrectKeyException", "The key ID in the request does not identify the key that encrypted the ciphertext.");
        }

        var blob = Convert.FromBase64String(request["CiphertextBlob"]?.GetValue<string>() ?? string.Empty);
        var plaintext = Unwrap(blob, Context(request));
        if (plaintext is null)
        {
            return Error("InvalidCiphertextException", "The ciphertext or its encryption context does not match this key.");
        }

        return new JsonObject
        {
            ["KeyId"] = KeyArn,
            ["Plaintext"] = Convert.ToBase64String(plaintext),
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private bool KnowsKey(string? keyId) =>
        keyId is not null && (keyId == KeyArn || keyId == AliasArn || KeyArn.EndsWith("/" + keyId, StringComparison.Ordinal) || keyId == "alias/exanubes-demo");

    // blob = magic | nonce(12) | tag(16) | ciphertext; AAD = key ARN + canonical encryption context.
    private byte[] Wrap(byte[] plaintext, byte[] aad)
    {
        var blob = new byte[Magic.Length + 12 + 16 + plaintext.Length];
        Magic.CopyTo(blob, 0);
        var nonce = blob.AsSpan(Magic.Length, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey, 16);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(Magic.Length + 28), blob.AsSpan(Magic.Length + 12, 16), aad);
        return blob;
    }

    private byte[]? Unwrap(byte[] blob, byte[] aad)
    {
        if (blob.Length < Magic.Length + 28 || !blob.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var plaintext = new byte[blob.Length - Magic.Length - 28];
        try
        {
            using var aes = new AesGcm(_masterKey, 16);
            aes.Decrypt(blob.AsSpan(Magic.Length, 12), blob.AsSpan(Magic.Length + 28), blob.AsSpan(Magic.Length + 12, 16), plaintext, aad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private byte[] Context(JsonObject request)
    {
        var builder = new StringBuilder(KeyArn);
        if (request["EncryptionContext"] is JsonObject context)
        {
            foreach (var (key, value) in context.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append('\n').Append(key).Append('=').Append(value?.GetValue<string>());
            }
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static JsonObject NotFound(string? keyId) => Error("NotFoundException", $"Key '{keyId}' does not exist in the local KMS stand-in.");

    private static JsonObject Error(string type, string message) => new() { ["__type"] = type, ["message"] = message };

    private static Task ErrorAsync(HttpContext context, string type, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, Error(type, message));

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static (string KeyId, byte[] MasterKey) LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            var stored = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return (stored["KeyId"]!.GetValue<string>(), Convert.FromBase64String(stored["MasterKey"]!.GetValue<string>()));
        }

        var keyId = Guid.NewGuid().ToString();
        var masterKey = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, new JsonObject { ["KeyId"] = keyId, ["MasterKey"] = Convert.ToBase64String(masterKey) }.ToJsonString());
        return (keyId, masterKey);
    }
}
