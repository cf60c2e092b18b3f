using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// A strict AWS KMS keyring: only encrypted data keys with provider id <c>aws-kms</c> whose provider info equals one of
/// the configured key ARNs are sent to KMS <c>Decrypt</c>. This is what decrypts the <c>code</c> of a Cognito
/// Custom Email Sender event, configured with the user pool's KMS key ARN.
/// </summary>
/// <remarks>
/// <c>Decrypt</c> is called with <c>KeyId</c> = the configured ARN, the encrypted data key as <c>CiphertextBlob</c> and the
/// message's whole encryption context (Cognito's <c>userpool-id</c> and <c>aws-crypto-public-key</c>); the answer is
/// accepted only if its <c>KeyId</c> equals that ARN and the data key has the suite's length. A data key under any other
/// key never reaches KMS, so a message cannot make the function decrypt with a key it was not meant to use. See
/// <see href="https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html">KMS Decrypt</see>.
/// </remarks>
public sealed class KmsKeyring : IKeyring
{
    /// <summary>The provider id of encrypted data keys wrapped by AWS KMS.</summary>
    internal const string ProviderId = "aws-kms";

    private readonly IAmazonKeyManagementService _kms;
    private readonly string[] _keyArns;
    private readonly byte[][] _keyArnBytes;

    /// <summary>Creates a strict KMS keyring.</summary>
    /// <param name="kms">The KMS client (its region must be the key's region).</param>
    /// <param name="keyArns">
    /// Full key ARNs (<c>arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;key-id&gt;</c>), for Cognito the user pool's key.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// No ARN is given, or one is an alias, alias ARN, bare key id or otherwise not a full key ARN.
    /// </exception>
    public KmsKeyring(IAmazonKeyManagementService kms, IEnumerable<string> keyArns)
    {
        ArgumentNullException.ThrowIfNull(kms);
        ArgumentNullException.ThrowIfNull(keyArns);
        var arns = keyArns.ToArray();
        if (arns.Length == 0)
        {
            throw new ArgumentException("configure at least one KMS key ARN (the user pool's key: arn:aws:kms:<region>:<account>:key/<key-id>)", nameof(keyArns));
        }

        foreach (var arn in arns)
        {
            if (!IsKeyArn(arn))
            {
                throw new ArgumentException(
                    $"'{arn}' is not a KMS key ARN. Cognito stamps the full key ARN (arn:aws:kms:<region>:<account>:key/<key-id>) on the encrypted data key, "
                    + "so configure that key ARN: an alias, an alias ARN or a bare key id never matches it.",
                    nameof(keyArns));
            }
        }

        _kms = kms;
        _keyArns = arns.Distinct(StringComparer.Ordinal).ToArray();
        _keyArnBytes = _keyArns.Select(static a => EncryptionContextSerializer.Utf8.GetBytes(a)).ToArray();
    }

    /// <summary>The configured key ARNs.</summary>
    public IReadOnlyList<string> KeyArns => _keyArns;

    /// <inheritdoc />
    /// <exception cref="EncryptionSdkKmsAccessDeniedException">KMS denied <c>Decrypt</c> on the configured key.</exception>
    /// <exception cref="EncryptionSdkKmsException">KMS failed, or answered with another key id or a wrong-length data key.</exception>
    public async Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<EncryptionSdkException>? errors = null;
        foreach (var edk in request.EncryptedDataKeys)
        {
            if (!string.Equals(edk.ProviderId, ProviderId, StringComparison.Ordinal))
            {
                continue;
            }

            var arn = Match(edk.ProviderInfo.Span);
            if (arn is null)
            {
                continue;
            }

            try
            {
                return await DecryptAsync(arn, edk, request, cancellationToken).ConfigureAwait(false);
            }
            catch (EncryptionSdkException e)
            {
                (errors ??= []).Add(e);
            }
        }

        if (errors is null)
        {
            return null;
        }

        if (errors.Count == 1)
        {
            throw errors[0];
        }

        throw new EncryptionSdkKmsException(string.Join("; ", errors.Select(static e => e.Message)), errors[0]);
    }

    internal static bool IsKeyArn(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return false;
        }

        var parts = arn.Split(':');
        return parts.Length == 6
            && parts[0] == "arn"
            && parts[1].Length > 0
            && parts[2] == "kms"
            && parts[3].Length > 0
            && parts[4].Length > 0
            && parts[5].StartsWith("key/", StringComparison.Ordinal)
            && parts[5].Length > 4
            && !parts[5].AsSpan(4).ContainsAny('/', ' ');
    }

    private string? Match(ReadOnlySpan<byte> providerInfo)
    {
        for (var i = 0; i < _keyArnBytes.Length; i++)
        {
            if (providerInfo.SequenceEqual(_keyArnBytes[i]))
            {
                return _keyArns[i];
            }
        }

        return null;
    }

    private async Task<byte[]> DecryptAsync(string arn, EncryptedDataKey edk, KeyringDecryptionRequest request, CancellationToken cancellationToken)
    {
        var kmsRequest = new DecryptRequest
        {
            KeyId = arn,
            CiphertextBlob = new MemoryStream(edk.Ciphertext.ToArray(), writable: false),
            EncryptionContext = new Dictionary<string, string>(request.EncryptionContext, StringComparer.Ordinal),
        };

        DecryptResponse response;
        try
        {
            response = await _kms.DecryptAsync(kmsRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AmazonServiceException e) when (e.ErrorCode is "AccessDeniedException" or "AccessDenied" || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            throw new EncryptionSdkKmsAccessDeniedException(
                $"KMS denied Decrypt: the function's role needs kms:Decrypt on {arn} (KMS said: {e.ErrorCode})", e);
        }
        catch (InvalidCiphertextException e)
        {
            throw new EncryptionSdkKmsException(
                $"KMS could not decrypt the encrypted data key under {arn} (InvalidCiphertextException): it was not made with this key, was altered, or was made with another encryption context", e);
        }
        catch (AmazonServiceException e)
        {
            throw new EncryptionSdkKmsException($"KMS Decrypt with {arn} failed: {e.ErrorCode} (HTTP {(int)e.StatusCode})", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            // The AWS SDK surfaces transport failures (after its own retries) as these, unwrapped; an HttpClient
            // timeout is a TaskCanceledException nobody asked for. The caller's own cancellation propagates above.
            throw new EncryptionSdkKmsException($"KMS Decrypt with {arn} could not be sent: {e.GetType().Name}", e);
        }

        var plaintextStream = response?.Plaintext;
        var dataKey = plaintextStream is null ? [] : plaintextStream.ToArray();
        if (plaintextStream is not null && plaintextStream.TryGetBuffer(out var buffer))
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan());
        }

        if (!string.Equals(response?.KeyId, arn, StringComparison.Ordinal))
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new EncryptionSdkKmsException($"KMS answered Decrypt for {arn} with key id '{response?.KeyId}'; the key ids must match");
        }

        if (dataKey.Length != request.DataKeyLength)
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new EncryptionSdkKmsException(
                $"KMS returned a {dataKey.Length}-byte data key for {arn}; suite 0x{(ushort)request.AlgorithmSuite:X4} needs {request.DataKeyLength} bytes");
        }

        return dataKey;
    }
}
