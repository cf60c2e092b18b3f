using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Where the SendGrid API key comes from: the <c>ApiKey</c> setting, or an SSM <c>SecureString</c> parameter read on the
/// first email, kept for the container's life, read again after <see cref="SendGridMailerOptions.ApiKeyRefreshInterval"/>
/// and read again at once when SendGrid refuses the key (a rotated key then works without a cold start).
/// </summary>
internal sealed class SendGridApiKeySource(
    IOptions<SendGridMailerOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SendGridApiKeySource> logger) : IDisposable
{
    private readonly SendGridMailerOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _key;
    private DateTimeOffset _readAt;

    /// <summary>Whether the key comes from SSM (and so can be read again).</summary>
    public bool IsFromParameter => string.IsNullOrWhiteSpace(_options.ApiKey);

    /// <summary>The key: the setting, the cached parameter value, or a fresh read when none is cached or it is older than the refresh interval.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (!IsFromParameter)
        {
            return _options.ApiKey!;
        }

        var key = Volatile.Read(ref _key);
        if (key is not null && time.GetUtcNow() - _readAt < _options.ApiKeyRefreshInterval)
        {
            return key;
        }

        return await ReadAsync(stale: key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the parameter again because SendGrid refused <paramref name="refused"/>; returns the new value (which may be the same).</summary>
    public async ValueTask<string> RefreshAfterRefusalAsync(string refused, CancellationToken cancellationToken)
        => await ReadAsync(stale: refused, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _gate.Dispose();

    private async Task<string> ReadAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another email already read a newer value while this one waited.
            if (_key is not null && !ReferenceEquals(_key, stale) && time.GetUtcNow() - _readAt < _options.ApiKeyRefreshInterval)
            {
                return _key;
            }

            var name = _options.ApiKeyParameterName!;
            var ssm = services.GetRequiredService<IAmazonSimpleSystemsManagement>();
            GetParameterResponse parameter;
            try
            {
                parameter = await ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonSimpleSystemsManagementException ex)
            {
                throw new EmailDeliveryException("SendGrid", null,
                    $"The SendGrid API key could not be read from SSM parameter '{name}' ({ex.ErrorCode}): {ex.Message} The function's role needs ssm:GetParameter on it (and kms:Decrypt on its key if it is not the AWS managed key).", ex);
            }

            var value = parameter.Parameter?.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new EmailDeliveryException("SendGrid", null, $"SSM parameter '{name}' holds no SendGrid API key.");
            }

            Log.SendGridApiKeyLoaded(logger, name);
            _readAt = time.GetUtcNow();
            Volatile.Write(ref _key, value.Trim());
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
