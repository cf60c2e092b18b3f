using Exanubes.Cognito.IdentityProvider;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Account;

/// <summary>The account: password reset and change, profile and attributes, sign-out, token revocation and deletion.</summary>
internal sealed class AccountFlow
{
    private readonly CognitoIdentityProviderClient _client;
    private readonly IOptions<CognitoAuthOptions> _options;

    public AccountFlow(CognitoIdentityProviderClient client, IOptions<CognitoAuthOptions> options)
    {
        _client = client;
        _options = options;
    }

    private CognitoAuthOptions Options => _options.Value;

    public async Task<CognitoResult<CognitoCodeDelivery>> ForgotPasswordAsync(string username, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var result = await _client.SendAsync(ForgotPasswordRequest.Action,
            new ForgotPasswordRequest { ClientId = Options.ClientId, SecretHash = SecretHash.For(Options, username), Username = username },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }

    public async Task<CognitoResult> ConfirmForgotPasswordAsync(string username, string confirmationCode, string newPassword, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(confirmationCode);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var result = await _client.SendAsync(ConfirmForgotPasswordRequest.Action,
            new ConfirmForgotPasswordRequest
            {
                ClientId = Options.ClientId,
                SecretHash = SecretHash.For(Options, username),
                Username = username,
                ConfirmationCode = confirmationCode,
                Password = newPassword,
            },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> ChangePasswordAsync(string accessToken, string previousPassword, string proposedPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(previousPassword);
        ArgumentException.ThrowIfNullOrEmpty(proposedPassword);
        var result = await _client.SendAsync(ChangePasswordRequest.Action,
            new ChangePasswordRequest { AccessToken = accessToken, PreviousPassword = previousPassword, ProposedPassword = proposedPassword },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoUser>> GetUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.SendAsync(GetUserRequest.Action, new GetUserRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.Map(CognitoResultMapping.ToUser);
    }

    public async Task<CognitoResult<IReadOnlyList<CognitoCodeDelivery>>> UpdateAttributesAsync(string accessToken, IReadOnlyDictionary<string, string> attributes, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            throw new ArgumentException("At least one attribute is required.", nameof(attributes));
        }

        var result = await _client.SendAsync(UpdateUserAttributesRequest.Action,
            new UpdateUserAttributesRequest { AccessToken = accessToken, UserAttributes = CognitoResultMapping.ToAttributes(attributes)! },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map<UpdateUserAttributesResponse, IReadOnlyList<CognitoCodeDelivery>>(
            r => (r.CodeDeliveryDetailsList ?? []).Select(CognitoResultMapping.ToDelivery).ToList());
    }

    public async Task<CognitoResult> VerifyAttributeAsync(string accessToken, string attributeName, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var result = await _client.SendAsync(VerifyUserAttributeRequest.Action,
            new VerifyUserAttributeRequest { AccessToken = accessToken, AttributeName = attributeName, Code = code },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult<CognitoCodeDelivery>> GetAttributeVerificationCodeAsync(string accessToken, string attributeName, CognitoCallContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        var result = await _client.SendAsync(GetUserAttributeVerificationCodeRequest.Action,
            new GetUserAttributeVerificationCodeRequest { AccessToken = accessToken, AttributeName = attributeName },
            context,
            cancellationToken).ConfigureAwait(false);
        return result.Map(r => CognitoResultMapping.ToDelivery(r.CodeDeliveryDetails));
    }

    public async Task<CognitoResult> GlobalSignOutAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.SendAsync(GlobalSignOutRequest.Action, new GlobalSignOutRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> RevokeTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var result = await _client.SendAsync(RevokeTokenRequest.Action,
            new RevokeTokenRequest { Token = refreshToken, ClientId = Options.ClientId, ClientSecret = Options.ClientSecret },
            cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }

    public async Task<CognitoResult> DeleteUserAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var result = await _client.SendAsync(DeleteUserRequest.Action, new DeleteUserRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false);
        return result.ToResult();
    }
}
