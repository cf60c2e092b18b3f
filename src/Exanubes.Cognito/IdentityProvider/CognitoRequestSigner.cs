using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// Signs admin calls with AWS Signature V4 using AWSSDK.Core's public signer (<see cref="AWSSigV4Signer"/>) and the
/// credentials registered in the container, or else the SDK's default credential chain
/// (<see cref="DefaultAWSCredentialsIdentityResolver"/>: environment, profile, web identity, container, instance).
/// </summary>
internal sealed class CognitoRequestSigner : IDisposable
{
    private readonly AWSCredentials? _configured;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DefaultAWSCredentialsIdentityResolver? _resolver;
    private AWSCredentials? _resolved;

    public CognitoRequestSigner(AWSCredentials? configured, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _configured = configured;
        _timeProvider = timeProvider;
    }

    /// <summary>Signs a POST of <paramref name="body"/> to <paramref name="endpoint"/>; returns the headers to add (Authorization, X-Amz-Date, X-Amz-Security-Token when a session token is in use).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SignAsync(Uri endpoint, string region, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var request = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = endpoint,
            Content = body,
        };
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = CognitoProtocol.SigningService,
            SignPayload = true,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };
        var result = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return result.Headers.AsReadOnly();
    }

    public void Dispose()
    {
        _resolver?.Dispose();
        _gate.Dispose();
    }

    private async Task<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_configured is not null)
        {
            return _configured;
        }

        if (_resolved is not null)
        {
            return _resolved;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _resolver ??= new DefaultAWSCredentialsIdentityResolver();
            _resolved ??= await _resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
            return _resolved;
        }
        finally
        {
            _gate.Release();
        }
    }
}
