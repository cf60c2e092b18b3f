using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Srp;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Devices;

/// <summary>
/// The device steps of an SRP sign-in on a remembered device: finds the device in the store, and answers
/// <c>DEVICE_SRP_AUTH</c> (<c>SRP_A</c>) and then <c>DEVICE_PASSWORD_VERIFIER</c> (the device proof) for the user.
/// </summary>
/// <remarks>
/// Developer guide, "Working with user devices in your user pool", "Signing in with a device": after the user's
/// PASSWORD_VERIFIER, a pool that remembers the presented device answers DEVICE_SRP_AUTH; the app proves the device
/// password with SRP over the device group key and device key, and Cognito skips MFA.
/// </remarks>
internal sealed class DeviceAuthenticator
{
    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ICognitoDeviceStore? _store;

    public DeviceAuthenticator(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options, TimeProvider time, ICognitoDeviceStore? store = null)
    {
        _client = client;
        _options = options;
        _time = time;
        _store = store;
    }

    private CognitoAuthOptions Options => _options.Value;

    /// <summary>The remembered device of a user (by internal user name), or <see langword="null"/> without a store or device.</summary>
    public async ValueTask<CognitoRememberedDevice?> FindAsync(string username, CancellationToken cancellationToken)
        => _store is null ? null : await _store.GetAsync(Options.UserPool!.Value, username, cancellationToken).ConfigureAwait(false);

    /// <summary>Drops a device Cognito no longer knows (forgotten elsewhere), so the next sign-in gets a new one.</summary>
    public async ValueTask ForgetLocallyAsync(string username, CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await _store.RemoveAsync(Options.UserPool!.Value, username, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an error says Cognito does not know the device (ResourceNotFoundException about a device).</summary>
    public static bool IsUnknownDevice(CognitoError error)
        => error.Code == CognitoErrorCode.ResourceNotFound && error.Message.Contains("evice", StringComparison.Ordinal);

    /// <summary>
    /// Answers DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER for <paramref name="device"/>; the result is Cognito's
    /// answer to the second step (tokens, or a further challenge), or its error.
    /// </summary>
    public async Task<CognitoResult<RespondToAuthChallengeResponse>> AuthenticateAsync(
        CognitoRememberedDevice device, string username, string? session, CognitoCallContext? context, CancellationToken cancellationToken)
    {
        var srp = CognitoSrpClient.ForDevice(device.DeviceGroupKey);
        var start = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["DEVICE_KEY"] = device.DeviceKey,
            ["SRP_A"] = srp.SrpAHex,
        };
        SecretHash.AddTo(start, Options, username);
        var started = await RespondAsync(CognitoChallengeNames.DeviceSrpAuth, session, start, context, cancellationToken).ConfigureAwait(false);
        if (!started.Succeeded || started.Value.ChallengeName != CognitoChallengeNames.DevicePasswordVerifier)
        {
            return started;
        }

        var parameters = started.Value.ChallengeParameters ?? [];
        if (!parameters.TryGetValue("SRP_B", out var srpB) || !parameters.TryGetValue("SALT", out var salt) || !parameters.TryGetValue("SECRET_BLOCK", out var secretBlock))
        {
            return Unusable("lacks SRP_B, SALT or SECRET_BLOCK");
        }

        var timestamp = CognitoSrpClient.FormatTimestamp(_time.GetUtcNow());
        string signature;
        try
        {
            signature = srp.ComputePasswordClaimSignature(device.DeviceKey, device.DevicePassword, srpB, salt, secretBlock, timestamp);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return Unusable("has an unusable SRP_B, SALT or SECRET_BLOCK");
        }

        var proof = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USERNAME"] = username,
            ["DEVICE_KEY"] = device.DeviceKey,
            ["PASSWORD_CLAIM_SECRET_BLOCK"] = secretBlock,
            ["PASSWORD_CLAIM_SIGNATURE"] = signature,
            ["TIMESTAMP"] = timestamp,
        };
        SecretHash.AddTo(proof, Options, username);
        return await RespondAsync(CognitoChallengeNames.DevicePasswordVerifier, started.Value.Session, proof, context, cancellationToken).ConfigureAwait(false);
    }

    private Task<CognitoResult<RespondToAuthChallengeResponse>> RespondAsync(string challengeName, string? session, Dictionary<string, string> answers, CognitoCallContext? context, CancellationToken cancellationToken)
        => _client.SendAsync(
            RespondToAuthChallengeRequest.Action,
            new RespondToAuthChallengeRequest { ClientId = Options.ClientId, ChallengeName = challengeName, Session = session, ChallengeResponses = answers },
            context,
            cancellationToken);

    private static CognitoResult<RespondToAuthChallengeResponse> Unusable(string what) => CognitoResult<RespondToAuthChallengeResponse>.Failure(new CognitoError(
        CognitoErrorCode.Unknown, "InvalidResponse", $"Cognito's DEVICE_PASSWORD_VERIFIER challenge {what}; the device sign-in was not answered.", System.Net.HttpStatusCode.OK));
}
