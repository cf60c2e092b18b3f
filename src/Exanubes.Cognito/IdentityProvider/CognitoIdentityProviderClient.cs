using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.IdentityProvider;

/// <summary>
/// A lean client for the Cognito Identity Provider JSON 1.1 protocol: <c>POST /</c> with
/// <c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Action&gt;</c> and
/// <c>Content-Type: application/x-amz-json-1.1</c>, one method per action named after it. Admin actions are signed
/// with SigV4. Cognito errors come back as failed <see cref="CognitoResult{T}"/>; transport failures and cancellation
/// throw.
/// </summary>
/// <remarks>
/// Uses the named <see cref="HttpClient"/> <see cref="HttpClientName"/> from <see cref="IHttpClientFactory"/>, whose
/// resilience handler retries only the actions in <see cref="CognitoActions.Retryable"/>.
/// See <see href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html"/>.
/// </remarks>
internal sealed class CognitoIdentityProviderClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Cognito.</summary>
    public const string HttpClientName = "Exanubes.Cognito.IdentityProvider";

    /// <summary>Marks a request whose action may be retried (see <see cref="CognitoActions.Retryable"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetryableOption = new("Exanubes.Cognito.Retryable");

    /// <summary>The action of a request, for retry logs.</summary>
    public static readonly HttpRequestOptionsKey<string> ActionOption = new("Exanubes.Cognito.Action");

    /// <summary>
    /// The longest response body read (1 MiB; Cognito's answers are a few kilobytes). A longer body is not read further
    /// and comes back as the error type <c>ResponseTooLarge</c>.
    /// </summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new(CognitoActions.ContentType);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<CognitoAuthOptions> _options;
    private readonly CognitoRequestSigner _signer;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public CognitoIdentityProviderClient(
        IHttpClientFactory httpClientFactory,
        IOptions<CognitoAuthOptions> options,
        CognitoRequestSigner signer,
        ILogger<CognitoIdentityProviderClient> logger,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _signer = signer;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>The endpoint in use.</summary>
    public Uri Endpoint => ResolveEndpoint(_options.Value);

    /// <summary>Cognito <c>SignUp</c>.</summary>
    public Task<CognitoResult<SignUpResponse>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
        => SendAsync("SignUp", request, CognitoJsonContext.Default.SignUpRequest, CognitoJsonContext.Default.SignUpResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>ConfirmSignUp</c>.</summary>
    public Task<CognitoResult<ConfirmSignUpResponse>> ConfirmSignUpAsync(ConfirmSignUpRequest request, CancellationToken cancellationToken)
        => SendAsync("ConfirmSignUp", request, CognitoJsonContext.Default.ConfirmSignUpRequest, CognitoJsonContext.Default.ConfirmSignUpResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>ResendConfirmationCode</c>.</summary>
    public Task<CognitoResult<ResendConfirmationCodeResponse>> ResendConfirmationCodeAsync(ResendConfirmationCodeRequest request, CancellationToken cancellationToken)
        => SendAsync("ResendConfirmationCode", request, CognitoJsonContext.Default.ResendConfirmationCodeRequest, CognitoJsonContext.Default.ResendConfirmationCodeResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>InitiateAuth</c>.</summary>
    public Task<CognitoResult<InitiateAuthResponse>> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken cancellationToken)
        => SendAsync("InitiateAuth", request, CognitoJsonContext.Default.InitiateAuthRequest, CognitoJsonContext.Default.InitiateAuthResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>RespondToAuthChallenge</c>.</summary>
    public Task<CognitoResult<RespondToAuthChallengeResponse>> RespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken)
        => SendAsync("RespondToAuthChallenge", request, CognitoJsonContext.Default.RespondToAuthChallengeRequest, CognitoJsonContext.Default.RespondToAuthChallengeResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>ForgotPassword</c>.</summary>
    public Task<CognitoResult<ForgotPasswordResponse>> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
        => SendAsync("ForgotPassword", request, CognitoJsonContext.Default.ForgotPasswordRequest, CognitoJsonContext.Default.ForgotPasswordResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>ConfirmForgotPassword</c>.</summary>
    public Task<CognitoResult<ConfirmForgotPasswordResponse>> ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken)
        => SendAsync("ConfirmForgotPassword", request, CognitoJsonContext.Default.ConfirmForgotPasswordRequest, CognitoJsonContext.Default.ConfirmForgotPasswordResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>ChangePassword</c>.</summary>
    public Task<CognitoResult<ChangePasswordResponse>> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken)
        => SendAsync("ChangePassword", request, CognitoJsonContext.Default.ChangePasswordRequest, CognitoJsonContext.Default.ChangePasswordResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>GetUser</c>.</summary>
    public Task<CognitoResult<GetUserResponse>> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken)
        => SendAsync("GetUser", request, CognitoJsonContext.Default.GetUserRequest, CognitoJsonContext.Default.GetUserResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>UpdateUserAttributes</c>.</summary>
    public Task<CognitoResult<UpdateUserAttributesResponse>> UpdateUserAttributesAsync(UpdateUserAttributesRequest request, CancellationToken cancellationToken)
        => SendAsync("UpdateUserAttributes", request, CognitoJsonContext.Default.UpdateUserAttributesRequest, CognitoJsonContext.Default.UpdateUserAttributesResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>VerifyUserAttribute</c>.</summary>
    public Task<CognitoResult<VerifyUserAttributeResponse>> VerifyUserAttributeAsync(VerifyUserAttributeRequest request, CancellationToken cancellationToken)
        => SendAsync("VerifyUserAttribute", request, CognitoJsonContext.Default.VerifyUserAttributeRequest, CognitoJsonContext.Default.VerifyUserAttributeResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>GetUserAttributeVerificationCode</c>.</summary>
    public Task<CognitoResult<GetUserAttributeVerificationCodeResponse>> GetUserAttributeVerificationCodeAsync(GetUserAttributeVerificationCodeRequest request, CancellationToken cancellationToken)
        => SendAsync("GetUserAttributeVerificationCode", request, CognitoJsonContext.Default.GetUserAttributeVerificationCodeRequest, CognitoJsonContext.Default.GetUserAttributeVerificationCodeResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>GlobalSignOut</c>.</summary>
    public Task<CognitoResult<GlobalSignOutResponse>> GlobalSignOutAsync(GlobalSignOutRequest request, CancellationToken cancellationToken)
        => SendAsync("GlobalSignOut", request, CognitoJsonContext.Default.GlobalSignOutRequest, CognitoJsonContext.Default.GlobalSignOutResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>RevokeToken</c>.</summary>
    public Task<CognitoResult<RevokeTokenResponse>> RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken)
        => SendAsync("RevokeToken", request, CognitoJsonContext.Default.RevokeTokenRequest, CognitoJsonContext.Default.RevokeTokenResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>DeleteUser</c>.</summary>
    public Task<CognitoResult<DeleteUserResponse>> DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken)
        => SendAsync("DeleteUser", request, CognitoJsonContext.Default.DeleteUserRequest, CognitoJsonContext.Default.DeleteUserResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>GetTokensFromRefreshToken</c>.</summary>
    public Task<CognitoResult<GetTokensFromRefreshTokenResponse>> GetTokensFromRefreshTokenAsync(GetTokensFromRefreshTokenRequest request, CancellationToken cancellationToken)
        => SendAsync("GetTokensFromRefreshToken", request, CognitoJsonContext.Default.GetTokensFromRefreshTokenRequest, CognitoJsonContext.Default.GetTokensFromRefreshTokenResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>AssociateSoftwareToken</c> (never retried: each call issues a new secret and consumes the session).</summary>
    public Task<CognitoResult<AssociateSoftwareTokenResponse>> AssociateSoftwareTokenAsync(AssociateSoftwareTokenRequest request, CancellationToken cancellationToken)
        => SendAsync("AssociateSoftwareToken", request, CognitoJsonContext.Default.AssociateSoftwareTokenRequest, CognitoJsonContext.Default.AssociateSoftwareTokenResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>VerifySoftwareToken</c> (never retried: consumes the session and counts failed codes).</summary>
    public Task<CognitoResult<VerifySoftwareTokenResponse>> VerifySoftwareTokenAsync(VerifySoftwareTokenRequest request, CancellationToken cancellationToken)
        => SendAsync("VerifySoftwareToken", request, CognitoJsonContext.Default.VerifySoftwareTokenRequest, CognitoJsonContext.Default.VerifySoftwareTokenResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>SetUserMFAPreference</c>.</summary>
    public Task<CognitoResult<SetUserMFAPreferenceResponse>> SetUserMFAPreferenceAsync(SetUserMFAPreferenceRequest request, CancellationToken cancellationToken)
        => SendAsync("SetUserMFAPreference", request, CognitoJsonContext.Default.SetUserMFAPreferenceRequest, CognitoJsonContext.Default.SetUserMFAPreferenceResponse, signed: false, cancellationToken);

    /// <summary>Cognito <c>AdminGetUser</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminGetUserResponse>> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminGetUser", request, CognitoJsonContext.Default.AdminGetUserRequest, CognitoJsonContext.Default.AdminGetUserResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminCreateUser</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminCreateUserResponse>> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminCreateUser", request, CognitoJsonContext.Default.AdminCreateUserRequest, CognitoJsonContext.Default.AdminCreateUserResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminConfirmSignUp</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminConfirmSignUpResponse>> AdminConfirmSignUpAsync(AdminConfirmSignUpRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminConfirmSignUp", request, CognitoJsonContext.Default.AdminConfirmSignUpRequest, CognitoJsonContext.Default.AdminConfirmSignUpResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminDeleteUser</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminDeleteUserResponse>> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminDeleteUser", request, CognitoJsonContext.Default.AdminDeleteUserRequest, CognitoJsonContext.Default.AdminDeleteUserResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminAddUserToGroup</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminAddUserToGroupResponse>> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminAddUserToGroup", request, CognitoJsonContext.Default.AdminAddUserToGroupRequest, CognitoJsonContext.Default.AdminAddUserToGroupResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminRemoveUserFromGroup</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminRemoveUserFromGroupResponse>> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminRemoveUserFromGroup", request, CognitoJsonContext.Default.AdminRemoveUserFromGroupRequest, CognitoJsonContext.Default.AdminRemoveUserFromGroupResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminListGroupsForUser</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminListGroupsForUserResponse>> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminListGroupsForUser", request, CognitoJsonContext.Default.AdminListGroupsForUserRequest, CognitoJsonContext.Default.AdminListGroupsForUserResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminResetUserPassword</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminResetUserPasswordResponse>> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminResetUserPassword", request, CognitoJsonContext.Default.AdminResetUserPasswordRequest, CognitoJsonContext.Default.AdminResetUserPasswordResponse, signed: true, cancellationToken);

    /// <summary>Cognito <c>AdminUserGlobalSignOut</c> (SigV4-signed).</summary>
    public Task<CognitoResult<AdminUserGlobalSignOutResponse>> AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken)
        => SendAsync("AdminUserGlobalSignOut", request, CognitoJsonContext.Default.AdminUserGlobalSignOutRequest, CognitoJsonContext.Default.AdminUserGlobalSignOutResponse, signed: true, cancellationToken);

    /// <summary>
    /// The endpoint for the options: <see cref="CognitoAuthOptions.ServiceUrl"/> when set (plain http allowed only
    /// there), else the pool's regional endpoint derived from the parsed user pool id (<see cref="CognitoAuthOptions.UserPool"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No endpoint can be derived, or a derived endpoint is not https.</exception>
    internal static Uri ResolveEndpoint(CognitoAuthOptions options)
    {
        if (options.ServiceUrl is { } explicitUrl)
        {
            return explicitUrl;
        }

        var endpoint = options.ResolvedServiceUrl ?? throw new InvalidOperationException(
            "Cognito:UserPoolId must be a user pool id so the Cognito endpoint https://cognito-idp.<region>.<dns-suffix>/ can be derived.");
        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Refusing the non-https Cognito endpoint '{endpoint}': plain http is allowed only through an explicit Cognito:ServiceUrl.");
        }

        return endpoint;
    }

    /// <summary>Serializes a request body as the AWS JS SDK does: raw UTF-8, escaping only what <c>JSON.stringify</c> escapes (see <see cref="CognitoJsonEncoder"/>).</summary>
    internal static byte[] SerializeRequest<TRequest>(TRequest request, JsonTypeInfo<TRequest> requestInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CognitoJsonEncoder.Instance }))
        {
            JsonSerializer.Serialize(writer, request, requestInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<CognitoResult<TResponse>> SendAsync<TRequest, TResponse>(
        string action,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        bool signed,
        CancellationToken cancellationToken)
        where TResponse : class, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.Value;
        var endpoint = ResolveEndpoint(options);
        var requestBody = SerializeRequest(request, requestInfo);
        var target = CognitoActions.TargetPrefix + action;

        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        message.Content = new ByteArrayContent(requestBody);
        message.Content.Headers.ContentType = JsonContentType;
        message.Options.Set(ActionOption, action);
        message.Options.Set(RetryableOption, CognitoActions.Retryable.Contains(action));

        if (signed)
        {
            // cognito-local ids ('local_...') have no AWS region; any region signs for an emulator that ignores signatures.
            var region = options.UserPool is { IsLocal: false } pool ? pool.Region : "us-east-1";
            Log.SigningAction(_logger, action, region);
            var toSign = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Amz-Target"] = target,
                ["Content-Type"] = CognitoActions.ContentType,
            };
            var signedHeaders = await _signer.SignAsync(endpoint, region, toSign, requestBody, cancellationToken).ConfigureAwait(false);
            foreach (var (name, value) in signedHeaders)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        Log.CallingAction(_logger, action, endpoint);
        var started = _timeProvider.GetTimestamp();
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, client.Timeout, action, cancellationToken).ConfigureAwait(false);
        var content = body.Bytes;
        var elapsed = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

        if (body.TooLarge)
        {
            Log.ResponseTooLarge(_logger, action, (int)response.StatusCode, MaxResponseBytes);
            return CognitoResult<TResponse>.Failure(new CognitoError(
                CognitoErrorCode.Unknown, "ResponseTooLarge", $"Cognito answered with a body longer than {MaxResponseBytes} bytes.", response.StatusCode));
        }

        if (response.IsSuccessStatusCode)
        {
            try
            {
                var value = content.Length == 0 ? new TResponse() : JsonSerializer.Deserialize(content, responseInfo) ?? new TResponse();
                Log.ActionSucceeded(_logger, action, (int)response.StatusCode, elapsed);
                return CognitoResult<TResponse>.Success(value);
            }
            catch (JsonException ex)
            {
                Log.UnreadableResponse(_logger, action, (int)response.StatusCode, ex);
                return CognitoResult<TResponse>.Failure(new CognitoError(
                    CognitoErrorCode.Unknown, "InvalidResponse", "Cognito answered with a body that is not the expected JSON.", response.StatusCode));
            }
        }

        var error = CognitoErrorMapper.FromResponse(response.StatusCode, content, ErrorTypeHeader(response));
        Log.ActionFailed(_logger, action, error.Type, (int)response.StatusCode, elapsed);
        return CognitoResult<TResponse>.Failure(error);
    }

    /// <summary>
    /// Reads the body within <paramref name="timeout"/> (the client's <see cref="HttpClient.Timeout"/>, which covers only
    /// the headers when they are read first), so a server that stalls mid-body cannot hold the call forever.
    /// </summary>
    private async Task<CognitoResponseBody> ReadBodyAsync(HttpResponseMessage response, TimeSpan timeout, string action, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await CognitoResponseBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await CognitoResponseBody.ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timer.IsCancellationRequested)
        {
            throw new TaskCanceledException(
                $"Cognito {action} did not finish its answer within the HttpClient.Timeout of {timeout.TotalSeconds} seconds.", new TimeoutException(ex.Message, ex));
        }
    }

    internal static string? ErrorTypeHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
}
